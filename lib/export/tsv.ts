import { cellName } from '../checks/names';
import { FORMATS } from '../format/layouts';
import type { Report } from '../model';

/** A TSV field: tabs and line breaks would break the table, and a leading =+-@ would be read as a formula by Excel. */
export function tsvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  const flat = s.replace(/[\t\r\n]+/g, ' ');
  return /^[=+\-@]/.test(flat) && !/^-?\d+(\.\d+)?$/.test(flat) ? `'${flat}` : flat;
}

const line = (fields: unknown[]) => fields.map(tsvField).join('\t');

/** One row per cell, for any number of reports: easy to filter and pivot in Excel or WPS. */
export function reportsToTsv(reports: Report[], lang: 'zh' | 'en' = 'zh'): string {
  const head =
    lang === 'zh'
      ? ['来源', '机关', '年度', '格式', '单元格', '名称', '数值', '状态']
      : ['source', 'organ', 'year', 'format', 'cell', 'name', 'value', 'state'];
  const rows = [line(head)];
  for (const r of reports) {
    if (!r.format) continue;
    for (const [key, value] of Object.entries(r.cells)) {
      rows.push(
        line([
          r.source,
          r.organ,
          r.year,
          r.format,
          key,
          cellName(r.format, key, lang),
          value,
          r.cellDetails[key]?.state,
        ]),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}

/** The report's three tables laid out as printed, for pasting into a spreadsheet. */
export function reportToLayoutTsv(report: Report, lang: 'zh' | 'en' = 'zh'): string {
  if (!report.format) return '';
  const out: string[] = [
    line([
      report.organ ?? '',
      report.year ?? '',
      lang === 'zh' ? `${report.format}年版格式` : `${report.format} format`,
    ]),
  ];
  for (const table of FORMATS[report.format].tables) {
    out.push('', line([lang === 'zh' ? table.zh : table.en]));
    if (table.id === 't4') {
      const cols = table.rows[0].columns;
      out.push(line(cols.map((c) => (lang === 'zh' ? c.zh : c.en))));
      out.push(line(cols.map((c) => report.cells[`t4.${c.key}`])));
      continue;
    }
    if (table.id === 't3') out.push(line(['', ...table.rows[0].columns.map((c) => (lang === 'zh' ? c.zh : c.en))]));
    for (const row of table.rows) {
      if (table.id === 't2')
        out.push(
          line([
            lang === 'zh' ? row.zh : row.en,
            ...row.columns.flatMap((c) => [lang === 'zh' ? c.zh : c.en, report.cells[`t2.${row.key}.${c.key}`]]),
          ]),
        );
      else
        out.push(
          line([lang === 'zh' ? row.zh : row.en, ...row.columns.map((c) => report.cells[`t3.${row.key}.${c.key}`])]),
        );
    }
  }
  return `${out.join('\n')}\n`;
}
