/** The reviewer's workbench without a browser: bodies paired across years, the spreadsheets, the problem list. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FINDING_HEADERS, problemList, REPORT_HEADERS } from '../../lib/export/sheets';
import { bodyKey, previousYearOf } from '../../lib/history/body';
import { Report } from '../../lib/model';
import { renderPage } from '../support/render';
import { type Cells, rng, withCarryBreak, yearsOfOneBody } from '../support/report-cells';

describe('pairing a body across years', () => {
  it('tolerates the naming variants reviewers meet', () => {
    expect(bodyKey('平潭综合实验区管委会办公室')).toBe(bodyKey('平潭综合实验区管理委员会办公室'));
    expect(bodyKey('某某区政府')).toBe(bodyKey('某某区人民政府'));
    expect(bodyKey('莆田市府办')).toBe(bodyKey('莆田市人民政府办公室'));
    expect(bodyKey('莆田市人民政府')).not.toBe(bodyKey('莆田市人民政府办公室'));
    expect(bodyKey('平潭综合实验区')).not.toBe(bodyKey('福州市'));
  });
  it('takes the year before, of the same body, never another body or year', () => {
    const r = (organ: string, year: number) => ({ organ, year, format: '2021' });
    const pool = [
      r('某某区人民政府', 2022),
      r('某某区政府', 2023),
      r('另一区人民政府', 2023),
      r('某某区人民政府', 2021),
    ];
    expect(previousYearOf(r('某某区人民政府', 2024), pool)).toBe(pool[1]);
    expect(previousYearOf(r('某某区人民政府', 2021), pool)).toBeNull();
  });
});

const BODIES = ['甲县人民政府', '乙市生态环境局'];
const YEARS = [2021, 2022, 2023];

/** 2 bodies × 3 years as files, consistent across years but for one carry-over break: 甲县 2023, 自然人 +2. */
function writeYears(): { dir: string; files: string[]; cells: Map<string, Cells> } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-years-'));
  const files: string[] = [];
  const cells = new Map<string, Cells>();
  BODIES.forEach((organ, b) => {
    const years = yearsOfOneBody(rng(40 + b), YEARS.length, 40);
    years.forEach((c, i) => {
      const year = YEARS[i];
      const printed = b === 0 && year === 2023 ? withCarryBreak(c) : c;
      const page = renderPage({ format: '2021', organ, year, cells: printed, style: 'template' }, rng(b * 10 + i));
      const file = join(dir, `${b}-${year}.html`);
      writeFileSync(file, page.content);
      files.push(file);
      cells.set(file, printed);
    });
  });
  return { dir, files, cells };
}

const CLI = join(import.meta.dirname, '../../dist/nianbao-check.mjs');

describe('the CLI over many files: years paired by themselves, one spreadsheet out', () => {
  const { dir, files, cells } = writeYears();
  const csv = join(dir, 'out.csv');
  const xlsx = join(dir, 'out.xlsx');
  const lines = execFileSync('node', [CLI, '--json', '--csv', csv, '--xlsx', xlsx, ...files], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const reports = lines.map((l) => Report.parse(JSON.parse(l)));

  it('cross-year findings exactly on the injected break, none elsewhere; the in-force chain is info', () => {
    const crossYear = reports.flatMap((r) =>
      r.findings
        .filter((f) => f.rule.startsWith('cross-year') && f.status === 'fail')
        .map((f) => `${r.organ} ${r.year} ${f.rule} ${f.cells.join(' ')} ${f.severity}`),
    );
    expect(crossYear).toEqual([
      '甲县人民政府 2023 cross-year-carry t3.carried_over.natural warning',
      '甲县人民政府 2023 cross-year-carry t3.carried_over.total warning',
    ]);
    // every report but the first year of each body was paired, with the right one
    expect(reports.map((r) => r.pairedWith?.year ?? null)).toEqual([null, 2021, 2022, null, 2021, 2022]);
    expect(reports[2].pairedWith?.source).toBe(files[1]);
    const chain = reports[1].findings.filter((f) => f.rule === 'cross-year-in-force');
    expect(chain.map((f) => [f.status, f.severity])).toEqual([
      ['pass', 'info'],
      ['pass', 'info'],
    ]);
  });

  it('CSV: BOM, fixed Chinese headers, one row per report with every cell as read', () => {
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = text
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(REPORT_HEADERS);
    expect(rows[0].slice(0, 6)).toEqual(['机关', '年度', '模板', '标题', '链接', '核验时间']);
    expect(rows).toHaveLength(1 + files.length);
    files.forEach((file, i) => {
      const row = rows[i + 1];
      expect(row[0]).toBe(BODIES[Math.floor(i / 3)]);
      expect(row[4]).toBe(file);
      for (const [key, value] of Object.entries(cells.get(file)!)) {
        const col = REPORT_HEADERS.findIndex((h) => h.endsWith(`（${key}）`));
        expect(row[col], `${file} ${key}`).toBe(value === null ? '' : String(value));
      }
    });
    const problems = readFileSync(csv.replace('.csv', '.问题.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(problems[0].split(',')).toEqual(FINDING_HEADERS);
    expect(problems.slice(1).filter((l) => l.includes('cross-year-carry'))).toHaveLength(2);
  });

  it('XLSX: the same rows in sheet 报告, the problems in sheet 问题', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('报告')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(REPORT_HEADERS);
    const csvRows = readFileSync(csv, 'utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    for (let i = 2; i <= 1 + files.length; i++)
      expect(
        // a row's trailing empty cells are not stored
        Array.from({ length: REPORT_HEADERS.length }, (_, c) => values(i)[c] ?? '').map(String),
      ).toEqual(csvRows[i - 1]);
    expect(book.getWorksheet('问题')!.rowCount).toBe(
      1 + reports.reduce((n, r) => n + r.summary.errors + r.summary.warnings, 0),
    );
  });

  it('复制问题清单: title, link, each problem with its figures', () => {
    const text = problemList({ report: reports[2], url: 'https://www.example.gov.cn/2023.html', checkedAt: '' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '《甲县人民政府2023年政府信息公开工作年度报告》',
      '链接：https://www.example.gov.cn/2023.html',
      '核验结果：0 项错误，2 项警告',
    ]);
    expect(text).toMatch(/^1\. \[警告\] 表三「自然人」上年结转 与 上一年度结转下年度：应为 \d+，表中为 \d+/m);
  });
});

describe('history records', () => {
  it('a stored record of an older version is upgraded; one that is not a record is left out', async () => {
    const { migrate, recordOf, changeSince, RECORD_VERSION } = await import('../../lib/history/record');
    const { analyzeString, readFixture } = await import('../support/analyze');
    const { report } = await analyzeString(readFixture('seeds/003_1011c9d1822b474b.txt'));
    const old = { url: 'https://a.gov.cn/1.html', checkedAt: '2026-01-02T00:00:00.000Z', report };
    const upgraded = migrate(old);
    expect(upgraded).toMatchObject({ v: RECORD_VERSION, url: old.url, checkedAt: old.checkedAt, textHash: '' });
    expect(migrate({ url: 'x', report: { cells: 'not a report' } })).toBeNull();
    expect(migrate('garbage')).toBeNull();
    // a revisit: the same text and figures say nothing; a changed figure says so, with the earlier time
    const first = recordOf(old.url, report, '<p>正文</p>', '2026-01-02T00:00:00.000Z');
    expect(changeSince(first, recordOf(old.url, report, '<p>正文</p>'))).toBeNull();
    const edited = { ...report, cells: { ...report.cells, 't3.new.total': 52 } };
    expect(changeSince(first, recordOf(old.url, edited, '<p>正文</p>'))).toEqual({
      since: '2026-01-02T00:00:00.000Z',
      figures: true,
      text: false,
    });
    expect(changeSince(first, recordOf(old.url, report, '<p>正文改了</p>'))?.text).toBe(true);
    // markup and spacing are not text
    expect(changeSince(first, recordOf(old.url, report, '<div> 正文 </div>'))).toBeNull();
  });
});
