import { writeFile } from 'node:fs/promises';
import { findingsCsv, type ExcelJs, reportsCsv, reportsXlsx, type SheetReport } from '../lib/export/sheets';
import { reportsToTsv } from '../lib/export/tsv';
import { previousYearOf } from '../lib/history/body';
import { pairWith } from '../lib/analyze';
import { Report, VERSION, cellName, uncheckedReport } from '../lib/index';
import { analyzeBytes, analyzeFile, InputError, readInput } from './read-input';

const HELP = `nianbao-check ${VERSION} — 核验政府信息公开工作年度报告 / check government information-disclosure annual reports

Usage: nianbao-check [--json | --tsv] [--csv FILE] [--xlsx FILE] [--en] [--previous FILE] FILE...

  FILE            .html .htm .txt .md (UTF-8 or GBK), .pdf (with a text layer); nothing is sent anywhere
  --json          one JSON document per file, one per line (JSON Lines)
  --tsv           the cells as a tab-separated table (one row per cell) for Excel/WPS
  --csv FILE      one row per report (fixed Chinese headers); the problems go to FILE's 问题 twin
  --xlsx FILE     the same as a workbook: sheet 报告 (one row per report), sheet 问题 (one per problem)
  --en            English messages in the summary
  --previous FILE the same body's previous-year report, for the cross-year checks (with several
                  FILEs, the same body's consecutive years among them are paired by themselves)
  -h, --help      this help
  -v, --version   the version

Exit status: 0 no error findings; 1 error findings; 2 bad usage or unreadable input.`;

interface Options {
  mode: 'summary' | 'json' | 'tsv';
  lang: 'zh' | 'en';
  previous?: string;
  csv?: string;
  xlsx?: string;
  files: string[];
}

function parseArgs(argv: string[]): Options | string {
  const opts: Options = { mode: 'summary', lang: 'zh', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.mode = 'json';
    else if (a === '--tsv') opts.mode = 'tsv';
    else if (a === '--en') opts.lang = 'en';
    else if (a === '--previous') {
      const f = argv[++i];
      if (!f) return '--previous needs a file';
      opts.previous = f;
    } else if (a === '--csv' || a === '--xlsx') {
      const f = argv[++i];
      if (!f) return `${a} needs a file`;
      opts[a === '--csv' ? 'csv' : 'xlsx'] = f;
    } else if (a === '--') {
      opts.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else opts.files.push(a);
  }
  if (!opts.files.length) return 'no input file';
  return opts;
}

const STATUS_ZH: Record<Report['status'], string> = {
  checked: '已核验',
  'not-a-report': '不是年度报告',
  'older-format': '旧格式，未核验',
  error: '无法读取',
};

function summary(report: Report, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const head = [
    report.organ ?? (zh ? '（机关未识别）' : '(organ not found)'),
    report.year ? (zh ? `${report.year}年度` : String(report.year)) : '',
    report.format ? (zh ? `${report.format}年版格式` : `${report.format} format`) : '',
    zh ? STATUS_ZH[report.status] : report.status,
  ]
    .filter(Boolean)
    .join(' · ');
  const out = [`${report.source}: ${head}`];
  if (report.reason) out.push(`  ${report.reason[lang]}`);
  if (report.status !== 'checked') return out.join('\n');
  const s = report.summary;
  out.push(
    zh
      ? `  单元格 ${s.cellsRead + s.cellsBlank + s.cellsUnreadable} 个：读取 ${s.cellsRead}，空白 ${s.cellsBlank}，无法读取 ${s.cellsUnreadable}`
      : `  cells: ${s.cellsRead} read, ${s.cellsBlank} blank, ${s.cellsUnreadable} unreadable`,
  );
  out.push(
    zh
      ? `  检查：错误 ${s.errors}，警告 ${s.warnings}，未核验 ${s.unchecked}，通过 ${s.passed}`
      : `  checks: ${s.errors} errors, ${s.warnings} warnings, ${s.unchecked} not checked, ${s.passed} passed`,
  );
  if (report.pairedWith)
    out.push(
      zh
        ? `  与上一年度报告比对：${report.pairedWith.source}（${report.pairedWith.year ?? '?'}年度）`
        : `  compared with the previous year's report: ${report.pairedWith.source} (${report.pairedWith.year ?? '?'})`,
    );
  const mark = { error: '✗', warning: '!', info: '·' } as const;
  for (const f of report.findings.filter((f) => f.status === 'fail'))
    out.push(`  ${mark[f.severity]} [${f.rule}] ${f.message[lang]}`);
  const unread = Object.entries(report.cellDetails)
    .filter(([, d]) => d.state === 'unreadable')
    .map(([k]) => k);
  if (unread.length && report.format) {
    const names = unread
      .slice(0, 5)
      .map((k) => cellName(report.format!, k, lang))
      .join(zh ? '、' : ', ');
    out.push(
      zh
        ? `  无法读取：${names}${unread.length > 5 ? ` 等 ${unread.length} 格` : ''}`
        : `  unreadable: ${names}${unread.length > 5 ? ` and ${unread.length - 5} more` : ''}`,
    );
  }
  for (const d of report.diagnostics.filter(
    (d) => d.code === 'label-missing' || d.code === 'row-unreadable' || d.code === 'table-missing',
  ))
    out.push(`  ? ${d.message[lang]}`);
  return out.join('\n');
}

export async function main(
  argv: string[],
  write: (s: string) => void = (s) => void process.stdout.write(s),
  writeErr: (s: string) => void = (s) => void process.stderr.write(s),
): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    write(`${HELP}\n`);
    return 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    write(`${VERSION}\n`);
    return 0;
  }
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    writeErr(`nianbao-check: ${opts}\n${HELP.split('\n')[2]}\n`);
    return 2;
  }
  let previous: Report | undefined;
  let exit = 0;
  if (opts.previous) {
    try {
      previous = (await analyzeFile(opts.previous)).report;
    } catch (e) {
      writeErr(`nianbao-check: ${e instanceof InputError ? e.message : String(e)}\n`);
      return 2;
    }
  }
  // every file read and checked first (the next one read while this one is checked), so that the
  // same body's consecutive years can be paired (from the reports, nothing read again) before
  // anything is printed
  const settle = (p: Promise<Uint8Array>) =>
    p.then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    );
  const results: ({ report: Report } | { reason: string })[] = [];
  let upcoming = settle(readInput(opts.files[0]));
  for (let i = 0; i < opts.files.length; i++) {
    const file = opts.files[i];
    const read = await upcoming;
    if (i + 1 < opts.files.length) upcoming = settle(readInput(opts.files[i + 1]));
    try {
      if ('error' in read) throw read.error;
      results.push({ report: Report.parse((await analyzeBytes(file, read.bytes, { previous })).report) });
    } catch (e) {
      results.push({ reason: e instanceof InputError ? e.message : `${file}: ${String(e)}` });
    }
  }
  if (!previous && opts.files.length > 1) {
    const checked = results.flatMap((r) => ('report' in r && r.report.status === 'checked' ? [r.report] : []));
    for (const result of results) {
      if (!('report' in result) || result.report.status !== 'checked') continue;
      const before = previousYearOf(result.report, checked);
      if (!before) continue;
      result.report = Report.parse(pairWith(result.report, before));
    }
  }
  const reports: Report[] = [];
  for (let i = 0; i < results.length; i++) {
    const result = results[i];
    if ('reason' in result) {
      writeErr(`nianbao-check: ${result.reason}\n`);
      exit = 2;
      if (opts.mode === 'json')
        write(
          `${JSON.stringify(uncheckedReport(opts.files[i], 'error', { zh: `无法读取文件：${result.reason}`, en: result.reason }))}\n`,
        );
      continue;
    }
    const { report } = result;
    reports.push(report);
    if (exit === 0 && report.summary.errors > 0) exit = 1;
    if (opts.mode === 'json') write(`${JSON.stringify(report)}\n`);
    else if (opts.mode === 'summary') write(`${summary(report, opts.lang)}\n`);
  }
  const checkedAt = new Date().toISOString();
  const items: SheetReport[] = reports.map((report) => ({ report, url: report.source, checkedAt }));
  if (opts.csv) {
    await writeFile(opts.csv, reportsCsv(items));
    await writeFile(opts.csv.replace(/(\.csv)?$/i, '.问题.csv'), findingsCsv(items));
  }
  if (opts.xlsx) {
    const excel = (await import('exceljs')).default as unknown as ExcelJs;
    await writeFile(opts.xlsx, await reportsXlsx(excel, items));
  }
  if (opts.mode === 'tsv') write(reportsToTsv(reports, opts.lang));
  return exit;
}
