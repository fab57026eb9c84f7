import { FORMATS } from '../lib/format/layouts';
import type { Lang } from '../lib/messages';
import type { Report } from '../lib/model';

/** The extracted figures laid out like the report's own tables, failing cells highlighted. */
export function Figures({ report, lang, severityOf }: { report: Report; lang: Lang; severityOf: Map<string, 'error' | 'warning'> }) {
  if (!report.format) return null;
  const format = FORMATS[report.format];
  const cell = (key: string) => {
    const d = report.cellDetails[key];
    const v = report.cells[key];
    const cls = ['num', d?.state === 'blank' ? 'blank' : d?.state === 'unreadable' ? 'unreadable' : '', severityOf.get(key) ?? ''].join(' ');
    const title = d ? `${key}${d.text ? ` · “${d.text}”` : ''}${d.reason ? ` · ${d.reason}` : ''}` : key;
    return (
      <td class={cls} title={title} data-key={key}>
        {v === null ? (d?.state === 'unreadable' ? '?' : '—') : String(v)}
      </td>
    );
  };
  const [t2, t3, t4] = format.tables;
  const name = (x: { zh: string; en: string }) => (lang === 'zh' ? x.zh : x.en);
  return (
    <div>
      <h2>{name(t2)}</h2>
      <table class="figures" data-table="t2">
        <tbody>
          {t2.rows.map((row) => (
            <tr key={row.key}>
              <td class="label">{name(row)}</td>
              {row.columns.map((c) => [<th key={`h${c.key}`}>{name(c)}</th>, cell(`t2.${row.key}.${c.key}`)])}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{name(t3)}</h2>
      <table class="figures" data-table="t3">
        <thead>
          <tr>
            <th />
            {t3.rows[0].columns.map((c) => (
              <th key={c.key}>{name(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t3.rows.map((row) => (
            <tr key={row.key}>
              <td class="label">{name(row)}</td>
              {row.columns.map((c) => cell(`t3.${row.key}.${c.key}`))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{name(t4)}</h2>
      <table class="figures" data-table="t4">
        <thead>
          <tr>
            <th />
            {(lang === 'zh' ? ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] : ['Upheld', 'Corrected', 'Other', 'Pending', 'Total']).map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['review', 'suit_direct', 'suit_after_review'] as const).map((g) => (
            <tr key={g}>
              <td class="label">{lang === 'zh' ? { review: '行政复议', suit_direct: '行政诉讼·未经复议直接起诉', suit_after_review: '行政诉讼·复议后起诉' }[g] : { review: 'Administrative review', suit_direct: 'Lawsuit, direct', suit_after_review: 'Lawsuit after review' }[g]}</td>
              {['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => cell(`t4.${g}.${k}`))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
