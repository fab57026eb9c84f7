import { runChecks } from './checks/index';
import { distrustContradictedSplits, extractCells, zerosArePrinted, type ReadCell } from './extract/assemble';
import { findOrgan, findTitle, findYear, isReportTitle } from './extract/meta';
import { FORMATS, cellsOf, type FormatId } from './format/layouts';
import type { Finding, Report } from './model';
import type { Token } from './source/tokens';

export const VERSION = '0.1.0';

export interface PageInput<Ref> {
  /** file name or URL */
  source: string;
  tokens: Token<Ref>[];
  /** the page's visible text, one block per line */
  text: string;
  /** the document's <title> or ArticleTitle */
  titleHint?: string | null;
  /** the page's own publisher metadata (发布机构, ContentSource) */
  organHint?: string | null;
  /** a page's markup, or a text dump */
  kind: 'dom' | 'text';
}

export interface Analysis<Ref> {
  report: Report;
  /** every cell with where it came from on the page */
  cells: Map<string, ReadCell<Ref>>;
}

type Reason = { zh: string; en: string };

function detectFormat(tokens: Token[]): { format: FormatId | null; scores: Record<FormatId, number> } {
  const keys = tokens.filter((t) => !t.value && t.key.length <= 60).map((t) => t.key);
  const scores = { '2021': 0, '2019': 0 } as Record<FormatId, number>;
  for (const f of Object.values(FORMATS)) scores[f.id] = f.markers.filter((m) => keys.some((k) => k.includes(m))).length;
  if (scores['2021'] === 0 && scores['2019'] === 0) return { format: null, scores };
  return { format: scores['2019'] > scores['2021'] ? '2019' : '2021', scores };
}

const hasTable3 = (tokens: Token[]) => tokens.some((t) => !t.value && t.key.includes('本年新收')) && tokens.some((t) => !t.value && /结转/.test(t.key));

function narrativeOf(text: string): string {
  const m = /二\s*[、.．]?\s*主动公开政府信息情况|第二十条第/.exec(text);
  return m ? text.slice(0, m.index) : '';
}

export function emptyReport(input: { source: string }, status: Report['status'], reason: Reason, meta: { title: string | null; organ: string | null; year: number | null } = { title: null, organ: null, year: null }, format: FormatId | null = null): Report {
  return {
    source: input.source, status, reason, ...meta, format,
    cells: {}, cellDetails: {}, findings: [], diagnostics: [],
    summary: { errors: 0, warnings: 0, unchecked: 0, passed: 0, cellsRead: 0, cellsBlank: 0, cellsUnreadable: 0 },
    generator: { name: 'nianbao-check', version: VERSION },
  };
}

export interface AnalyzeOptions {
  /** the same body's previous-year report, for the cross-year checks */
  previous?: Report;
}

/** Reads and checks one page. Never throws on page content: problems become the report's status, diagnostics and findings. */
export function analyzePage<Ref>(input: PageInput<Ref>, options: AnalyzeOptions = {}): Analysis<Ref> {
  const lines = input.text.split('\n');
  const title = findTitle(lines, input.titleHint);
  const year = findYear(title, input.text);
  const organ = findOrgan(lines, title, input.organHint);
  const meta = { title, organ, year };
  const { format } = detectFormat(input.tokens as Token[]);
  const table3 = hasTable3(input.tokens as Token[]);
  const titled = !!title && isReportTitle(title);

  if (!titled && !table3) {
    return {
      report: emptyReport(input, 'not-a-report', {
        zh: '不是政府信息公开工作年度报告：未找到“政府信息公开工作年度报告”标题，也未找到表三（收到和处理政府信息公开申请情况）',
        en: 'not an annual report: no 政府信息公开工作年度报告 title and no table 3 (applications received and handled)',
      }, meta),
      cells: new Map(),
    };
  }
  if ((year !== null && year <= 2018) || (!format && !table3 && year !== null && year < 2019)) {
    return {
      report: emptyReport(input, 'older-format', {
        zh: `${year} 年度报告：2018 年及以前的报告没有统一表格，不作核验`,
        en: `${year} report: reports for 2018 and earlier have no standard tables; not checked`,
      }, meta),
      cells: new Map(),
    };
  }
  if (!format) {
    return {
      report: emptyReport(input, 'error', {
        zh: '识别为年度报告，但找不到标准表格（表格可能是图片或附件）',
        en: 'recognised as an annual report, but its standard tables were not found (they may be images or attachments)',
      }, meta),
      cells: new Map(),
    };
  }

  const blanksMayVanish = input.kind === 'dom' || !zerosArePrinted(input.tokens as Token[]);
  const { cells, diagnostics } = extractCells(input.tokens, format, blanksMayVanish);
  diagnostics.push(...distrustContradictedSplits(cells, format));
  const prev = options.previous;
  const findings = runChecks({
    format, year, organ, cells: cells as Map<string, ReadCell>, narrative: narrativeOf(input.text),
    previous: prev && prev.format ? { year: prev.year, format: prev.format, cells: new Map(Object.entries(prev.cells).map(([k, v]) => [k, { key: k, value: v, state: prev.cellDetails[k]?.state ?? (v === null ? 'blank' : 'number'), text: '', ref: null, loc: '' } as ReadCell])) } : undefined,
  });

  const report = buildReport(input.source, meta, format, cells, findings, diagnostics);
  return { report, cells };
}

function buildReport<Ref>(source: string, meta: { title: string | null; organ: string | null; year: number | null }, format: FormatId, cells: Map<string, ReadCell<Ref>>, findings: Finding[], diagnostics: ReturnType<typeof extractCells>['diagnostics']): Report {
  const flat: Record<string, number | null> = {};
  const details: Report['cellDetails'] = {};
  let read = 0, blank = 0, unreadable = 0;
  for (const def of cellsOf(format)) {
    const c = cells.get(def.key)!;
    flat[def.key] = c.value;
    details[def.key] = {
      state: c.state, text: c.text, loc: c.loc,
      ...(c.unit ? { unit: c.unit } : {}), ...(c.reason ? { reason: c.reason } : {}), ...(c.derivedBy ? { derivedBy: c.derivedBy } : {}),
    };
    if (c.state === 'number') read++;
    else if (c.state === 'blank') blank++;
    else unreadable++;
  }
  const order = { error: 0, warning: 1, info: 2 } as const;
  const statusOrder = { fail: 0, unchecked: 1, pass: 2 } as const;
  findings.sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || order[a.severity] - order[b.severity]);
  const report: Report = {
    source, status: 'checked', ...meta, format,
    cells: flat, cellDetails: details, findings,
    diagnostics: diagnostics.map((d) => ({ code: d.code, cells: d.cells, ...(d.loc ? { loc: d.loc } : {}), message: { zh: d.zh, en: d.en } })),
    summary: {
      errors: findings.filter((f) => f.status === 'fail' && f.severity === 'error').length,
      warnings: findings.filter((f) => f.status === 'fail' && f.severity === 'warning').length,
      unchecked: findings.filter((f) => f.status === 'unchecked').length,
      passed: findings.filter((f) => f.status === 'pass').length,
      cellsRead: read, cellsBlank: blank, cellsUnreadable: unreadable,
    },
    generator: { name: 'nianbao-check', version: VERSION },
  };
  return report;
}

