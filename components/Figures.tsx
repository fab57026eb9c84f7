import type { JSX } from 'preact';
import { FORMATS, T4_GROUP_NAMES, T4_GROUPS, T4_RESULTS } from '../lib/format/layouts';
import type { Lang } from '../lib/messages';
import type { Report } from '../lib/model';

/** A table with a header row and one labelled row per line, like 表三 and 表四. */
function Grid({
  id,
  heads,
  rows,
}: {
  id: string;
  heads: string[];
  rows: { key: string; label: string; cells: JSX.Element[] }[];
}) {
  return (
    <table class="figures" data-table={id}>
      <thead>
        <tr>
          <th />
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td class="label">{row.label}</td>
            {row.cells}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The extracted figures laid out like the report's own tables, failing cells highlighted. */
export function Figures({
  report,
  lang,
  severityOf,
}: {
  report: Report;
  lang: Lang;
  severityOf: Map<string, 'error' | 'warning'>;
}) {
  if (!report.format) return null;
  const format = FORMATS[report.format];
  const cell = (key: string) => {
    const d = report.cellDetails[key];
    const v = report.cells[key];
    const cls = [
      'num',
      d?.state === 'blank' ? 'blank' : d?.state === 'unreadable' ? 'unreadable' : '',
      severityOf.get(key) ?? '',
    ].join(' ');
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
      <Grid
        id="t3"
        heads={t3.rows[0].columns.map(name)}
        rows={t3.rows.map((row) => ({
          key: row.key,
          label: name(row),
          cells: row.columns.map((c) => cell(`t3.${row.key}.${c.key}`)),
        }))}
      />
      <h2>{name(t4)}</h2>
      <Grid
        id="t4"
        heads={T4_RESULTS.map((r) => (lang === 'zh' ? r.zh : r.en[0].toUpperCase() + r.en.slice(1)))}
        rows={T4_GROUPS.map((g) => ({
          key: g,
          label: name(T4_GROUP_NAMES[g]),
          cells: T4_RESULTS.map((r) => cell(`t4.${g}.${r.key}`)),
        }))}
      />
    </div>
  );
}
