import { RULES, runChecks } from './checks/index';
import { findSuspects } from './checks/suspects';
import { ATTACHMENT_URL, isReportTitle } from './detect';
import { distrustContradictedSplits, extractCells, zerosArePrinted, type ExtractedCell } from './extract/assemble';
import {
  findOrgan,
  findPublished,
  findPublisher,
  findSignature,
  findTitle,
  findYear,
  organNamedByTitle,
} from './extract/meta';
import { findSections } from './extract/sections';
import { FORMATS, cellsOf, type FormatId } from './format/layouts';
import type { Finding, Report } from './model';
import type { PageLink } from './source/html';
import type { Token } from './source/tokens';

export const VERSION = '0.2.0';

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
  /** the page's publication date metadata (PubDate) */
  publishedHint?: string | null;
  /** a page's markup, or a text dump */
  kind: 'dom' | 'text';
  /** a page's links and image count (markup only) */
  links?: PageLink[];
  images?: number;
}

export interface Analysis<Ref> {
  report: Report;
  /** every cell with where it came from on the page */
  cells: Map<string, ExtractedCell<Ref>>;
}

type Reason = { zh: string; en: string };
interface Meta {
  title: string | null;
  organ: string | null;
  publisher: string | null;
  published: string | null;
  year: number | null;
}

function detectFormat(tokens: Token[]): FormatId | null {
  const labels = tokens.filter((t) => !t.value && t.key.length <= 60).map((t) => t.key);
  const score = (id: FormatId) => FORMATS[id].markers.filter((m) => labels.some((k) => k.includes(m))).length;
  const s2021 = score('2021');
  const s2019 = score('2019');
  if (s2021 === 0 && s2019 === 0) return null;
  return s2019 > s2021 ? '2019' : '2021';
}

const hasLabel = (tokens: Token[], test: (key: string) => boolean) => tokens.some((t) => !t.value && test(t.key));
const hasTable3 = (tokens: Token[]) =>
  hasLabel(tokens, (k) => k.includes('本年新收')) && hasLabel(tokens, (k) => k.includes('结转'));

function narrativeOf(text: string): string {
  const m = /二\s*[、.．]?\s*主动公开政府信息情况|第二十条第/.exec(text);
  return m ? text.slice(0, m.index) : '';
}

/** Links to documents (the report as an attachment), made absolute against the page's address. */
function attachmentsOf(links: PageLink[], source: string): PageLink[] {
  const out: PageLink[] = [];
  for (const link of links) {
    if (!ATTACHMENT_URL.test(link.href) || /^(javascript|data):/i.test(link.href)) continue;
    let href = link.href;
    try {
      href = new URL(link.href, source).href;
    } catch {
      // a file name as source: keep the href as written
    }
    if (!out.some((l) => l.href === href)) out.push({ text: link.text.slice(0, 120), href });
  }
  return out.slice(0, 20);
}

/** A report that was not checked: why, and what could be said of it. */
export function uncheckedReport(
  source: string,
  status: Exclude<Report['status'], 'checked'>,
  reason: Reason,
  meta?: Partial<Meta>,
  extra: Partial<Report> = {},
): Report {
  return {
    source,
    status,
    reason,
    title: meta?.title ?? null,
    organ: meta?.organ ?? null,
    publisher: meta?.publisher ?? null,
    published: meta?.published ?? null,
    year: meta?.year ?? null,
    format: null,
    cells: {},
    cellDetails: {},
    findings: [],
    suspects: [],
    diagnostics: [],
    summary: { errors: 0, warnings: 0, unchecked: 0, passed: 0, cellsRead: 0, cellsBlank: 0, cellsUnreadable: 0 },
    generator: { name: 'nianbao-check', version: VERSION },
    ...extra,
  };
}

export interface AnalyzeOptions {
  /** the same body's previous-year report, for the cross-year checks */
  previous?: Report;
}

/** Why a page that is not a checkable report is not, or null when it is one. */
function whyNotChecked(input: PageInput<unknown>, meta: Meta, format: FormatId | null): Report | null {
  const tokens = input.tokens as Token[];
  const table3 = hasTable3(tokens);
  const titled = !!meta.title && isReportTitle(meta.title);
  // only a page without table 三 can be a list of reports: count its report links then, not on every page
  const reportLinks = table3 ? 0 : (input.links ?? []).filter((l) => isReportTitle(l.text)).length;
  const unchecked = (status: Exclude<Report['status'], 'checked'>, reason: Reason, extra?: Partial<Report>) =>
    uncheckedReport(input.source, status, reason, meta, extra);

  if (!table3 && reportLinks >= 3) {
    return unchecked('not-a-report', {
      zh: `不是年度报告：这是年度报告的列表页（有 ${reportLinks} 个年度报告链接，本页没有表格）`,
      en: `not an annual report: a list of reports (${reportLinks} links to reports, no tables on this page)`,
    });
  }
  if (!titled && !table3) {
    return unchecked('not-a-report', {
      zh: '不是政府信息公开工作年度报告：未找到年度报告标题（如“某某2024年政府信息公开工作年度报告”），也未找到表三（收到和处理政府信息公开申请情况）',
      en: 'not an annual report: no report title (such as "…2024年政府信息公开工作年度报告") and no table 3 (applications received and handled)',
    });
  }
  const { year } = meta;
  if ((year !== null && year <= 2018) || (!format && !table3 && year !== null && year < 2019)) {
    return unchecked('older-format', {
      zh: `${year} 年度报告：2018 年及以前的报告没有统一表格，不作核验`,
      en: `${year} report: reports for 2018 and earlier have no standard tables; not checked`,
    });
  }
  if (format) return null;
  const attachments = attachmentsOf(input.links ?? [], input.source);
  const images = input.images ?? 0;
  const where = attachments.length
    ? {
        zh: `表格在附件中（${attachments
          .map((a) => a.text || a.href)
          .slice(0, 3)
          .join('、')}），请打开附件核验`,
        en: `the tables are in attachments (${attachments.length}); open them to check`,
      }
    : images
      ? {
          zh: `表格可能是图片（本页有 ${images} 张图片），无法核验`,
          en: `the tables may be images (${images} on the page); they cannot be checked`,
        }
      : { zh: '表格可能是图片或附件', en: 'they may be images or attachments' };
  return unchecked(
    'error',
    {
      zh: `识别为年度报告，但找不到标准表格：${where.zh}`,
      en: `recognised as an annual report, but its standard tables were not found: ${where.en}`,
    },
    attachments.length ? { attachments } : {},
  );
}

/** Reads and checks one page. Never throws on page content: problems become the report's status, diagnostics and findings. */
export function analyzePage<Ref>(input: PageInput<Ref>, options: AnalyzeOptions = {}): Analysis<Ref> {
  const lines = input.text.split('\n');
  const title = findTitle(lines, input.titleHint);
  const meta: Meta = {
    title,
    organ: findOrgan(lines, title, input.organHint),
    publisher: findPublisher(input.organHint),
    published: findPublished(lines, input.publishedHint),
    year: findYear(title, input.text),
  };
  const tokens = input.tokens as Token[];
  const format = detectFormat(tokens);
  const notChecked = whyNotChecked(input, meta, format);
  if (notChecked || !format) return { report: notChecked!, cells: new Map() };

  const blanksMayVanish = input.kind === 'dom' || !zerosArePrinted(tokens);
  const { cells, diagnostics } = extractCells(input.tokens, format, blanksMayVanish);
  diagnostics.push(...distrustContradictedSplits(cells, format));
  const signature = findSignature(lines);
  const findings = runChecks({
    format,
    year: meta.year,
    organ: meta.organ,
    names: { title: organNamedByTitle(lines, title), publisher: meta.publisher, signature: signature.organ },
    dates: { published: meta.published, signed: signature.date },
    cells: cells as Map<string, ExtractedCell>,
    narrative: narrativeOf(input.text),
    sections: findSections(input.text),
    attachments: attachmentsOf(input.links ?? [], input.source),
    images: input.images ?? 0,
  });
  const report = buildReport(input.source, meta, format, cells, findings, diagnostics);
  return { report: options.previous ? pairWith(report, options.previous) : report, cells };
}

/** A report's cells as the checks read them, from its export (what was read, and how). */
function cellsOfReport(report: Report): Map<string, ExtractedCell> {
  const cells = new Map<string, ExtractedCell>();
  for (const [key, value] of Object.entries(report.cells)) {
    const detail = report.cellDetails[key];
    cells.set(key, {
      key,
      value,
      state: detail?.state ?? (value === null ? 'blank' : 'number'),
      text: detail?.text ?? '',
      ref: null,
      loc: detail?.loc ?? '',
      ...(detail?.derivedBy ? { derivedBy: detail.derivedBy } : {}),
    });
  }
  return cells;
}

/** The checks that read the same body's previous year: run again when a report is paired with one. */
const PAIRED_RULES = RULES.filter(
  (r) => r.id === 'cross-year-carry' || r.id === 'cross-year-in-force' || r.id === 'plausibility',
);

/**
 * A checked report compared with the same body's previous-year report: the checks that read the
 * previous year run again on its cells, nothing is read again. The same report as reading the page
 * with `previous` given; the CLI, the extension's history and a column batch all pair this way.
 */
export function pairWith(report: Report, previous: Report): Report {
  if (report.status !== 'checked' || !report.format || !previous.format) return report;
  const cells = cellsOfReport(report);
  const rerun = new Set(PAIRED_RULES.map((r) => r.id));
  const findings = sortFindings([
    ...report.findings.filter((f) => !rerun.has(f.rule)),
    ...runChecks(
      {
        format: report.format,
        year: report.year,
        organ: report.organ,
        cells,
        narrative: '',
        previous: { year: previous.year, format: previous.format, cells: cellsOfReport(previous) },
      },
      PAIRED_RULES,
    ),
  ]);
  return {
    ...report,
    findings,
    suspects: findSuspects(report.format, cells, findings),
    summary: { ...report.summary, ...findingCounts(findings) },
    pairedWith: { source: previous.source, title: previous.title, year: previous.year },
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const STATUS_ORDER = { fail: 0, unchecked: 1, pass: 2 } as const;
const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

/** Failing first, then by severity, then in the order of the checks (a check's own findings keep theirs). */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0),
  );
}

function findingCounts(findings: Finding[]) {
  const failing = (severity: Finding['severity']) =>
    findings.filter((f) => f.status === 'fail' && f.severity === severity).length;
  return {
    errors: failing('error'),
    warnings: failing('warning'),
    unchecked: findings.filter((f) => f.status === 'unchecked').length,
    passed: findings.filter((f) => f.status === 'pass').length,
  };
}

function buildReport<Ref>(
  source: string,
  meta: Meta,
  format: FormatId,
  cells: Map<string, ExtractedCell<Ref>>,
  findings: Finding[],
  diagnostics: ReturnType<typeof extractCells>['diagnostics'],
): Report {
  const flat: Record<string, number | null> = {};
  const details: Report['cellDetails'] = {};
  const counts = { number: 0, blank: 0, unreadable: 0 };
  for (const def of cellsOf(format)) {
    const c = cells.get(def.key)!;
    flat[def.key] = c.value;
    details[def.key] = {
      state: c.state,
      text: c.text,
      loc: c.loc,
      ...(c.unit ? { unit: c.unit } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.derivedBy ? { derivedBy: c.derivedBy } : {}),
    };
    counts[c.state]++;
  }
  sortFindings(findings);
  return {
    source,
    status: 'checked',
    ...meta,
    format,
    cells: flat,
    cellDetails: details,
    findings,
    suspects: findSuspects(format, cells as Map<string, ExtractedCell>, findings),
    diagnostics: diagnostics.map(({ code, cells, loc, message }) => ({
      code,
      cells,
      ...(loc ? { loc } : {}),
      message,
    })),
    summary: {
      ...findingCounts(findings),
      cellsRead: counts.number,
      cellsBlank: counts.blank,
      cellsUnreadable: counts.unreadable,
    },
    generator: { name: 'nianbao-check', version: VERSION },
  };
}
