import { cellName } from '../checks/names';
import { cellsOf, type FormatId } from '../format/layouts';
import type { Finding, Report } from '../model';

/** A report with where it was read and when: a row of the sheets. */
export interface SheetReport {
  report: Report;
  /** the page or file it was read from */
  url: string;
  /** ISO time it was checked */
  checkedAt: string;
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

/** Every cell key of both formats, 2021's first, each once: the fixed column order of the sheets. */
const CELL_COLUMNS: { key: string; format: FormatId }[] = (() => {
  const seen = new Set<string>();
  const out: { key: string; format: FormatId }[] = [];
  for (const format of ['2021', '2019'] as const)
    for (const def of cellsOf(format))
      if (!seen.has(def.key)) {
        seen.add(def.key);
        out.push({ key: def.key, format });
      }
  return out;
})();

/** The fixed Chinese headers of the reports sheet: identity, counts, every cell, the problems. */
export const REPORT_HEADERS: string[] = [
  '机关',
  '年度',
  '模板',
  '标题',
  '链接',
  '核验时间',
  '状态',
  '错误数',
  '警告数',
  ...CELL_COLUMNS.map((c) => `${cellName(c.format, c.key)}（${c.key}）`),
  '问题',
];

export const FINDING_HEADERS = ['机关', '年度', '链接', '检查', '严重程度', '单元格', '表中', '应为', '说明'];

const problems = (findings: Finding[]) => findings.filter((f) => f.status === 'fail' && f.severity !== 'info');

/** A failing check as a sentence a reviewer can paste: its message (which names the cells). */
const sentence = (f: Finding) => `[${SEVERITY_ZH[f.severity]}] ${f.message.zh}`;

export function reportRow({ report, url, checkedAt }: SheetReport): (string | number | null)[] {
  return [
    report.organ,
    report.year,
    report.format ? `${report.format}年版` : null,
    report.title,
    url,
    checkedAt,
    report.status,
    report.summary.errors,
    report.summary.warnings,
    ...CELL_COLUMNS.map((c) =>
      report.format === c.format || report.format === '2021' || report.format === '2019'
        ? (report.cells[c.key] ?? null)
        : null,
    ),
    problems(report.findings).map(sentence).join('；'),
  ];
}

export function findingRows({ report, url }: SheetReport): (string | number | null)[][] {
  const format = report.format;
  return problems(report.findings).map((f) => [
    report.organ,
    report.year,
    url,
    f.rule,
    SEVERITY_ZH[f.severity],
    f.cells.map((k) => (format ? cellName(format, k) : k)).join('、'),
    f.actual ?? null,
    f.expected ?? null,
    f.message.zh,
  ]);
}

/** A CSV field (RFC 4180), with a formula-looking start defused as Excel and WPS would run it. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a BOM and CRLF: opens right in Excel and WPS. */
export function toCsv(headers: string[], rows: (string | number | null)[][]): string {
  return `\ufeff${[headers, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export const reportsCsv = (items: SheetReport[]) => toCsv(REPORT_HEADERS, items.map(reportRow));
export const findingsCsv = (items: SheetReport[]) => toCsv(FINDING_HEADERS, items.flatMap(findingRows));

/** JSON Lines of the full reports. */
export const reportsJsonl = (items: SheetReport[]) =>
  items.map((i) => JSON.stringify(i.report)).join('\n') + (items.length ? '\n' : '');

/** The minimal part of exceljs used: passed in, so that it is loaded only when a workbook is made. */
export interface ExcelJs {
  Workbook: new () => {
    addWorksheet(name: string): {
      addRow(values: (string | number | null)[]): unknown;
      columns: unknown;
      views: unknown;
    };
    xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
  };
}

/** The workbook: 报告 (one row per report) and 问题 (one row per failing check). */
export async function reportsXlsx(excel: ExcelJs, items: SheetReport[]): Promise<Uint8Array> {
  const book = new excel.Workbook();
  const sheets: [string, string[], (string | number | null)[][]][] = [
    ['报告', REPORT_HEADERS, items.map(reportRow)],
    ['问题', FINDING_HEADERS, items.flatMap(findingRows)],
  ];
  for (const [name, headers, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** "复制问题清单": the problems of one report as plain text for a 通报 or an email. */
export function problemList({ report, url }: SheetReport): string {
  const list = problems(report.findings);
  const format = report.format;
  const lines = [
    `《${report.title ?? report.organ ?? url}》`,
    `链接：${url}`,
    `核验结果：${report.summary.errors} 项错误，${report.summary.warnings} 项警告`,
  ];
  for (const s of report.suspects)
    lines.push(
      `最可能出错：${s.cells.map((k) => (format ? cellName(format, k) : k)).join('、')}，表中为 ${s.printed}，若为 ${s.proposed} 则相关核验均通过`,
    );
  list.forEach((f, i) => {
    const figures =
      f.actual !== undefined && f.expected !== undefined ? `（表中 ${f.actual}，应为 ${f.expected}）` : '';
    lines.push(
      `${i + 1}. [${SEVERITY_ZH[f.severity]}] ${f.message.zh}${figures && !f.message.zh.includes('表中为') ? figures : ''}`,
    );
  });
  if (!list.length) lines.push('未发现问题。');
  return `${lines.join('\n')}\n`;
}
