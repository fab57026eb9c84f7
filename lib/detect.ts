/**
 * What a report's title looks like, in simplified or traditional script. Shared by the content
 * script's cheap first look and the reader (lib/extract/meta.ts), so both decide alike.
 */
const REPORT_TITLE = /政府信息公[开開](?:工作)?(?:年度)?(?:工作)?(?:年度[报報]告|年[报報]|[报報]告)/;
const YEAR = /(?:19|20)\d{2}/;
/**
 * Titles that name reports without being one: a notice about compiling them, a column of them, a
 * reading guide, the 政府网站工作年度报表 (another form altogether).
 */
const NOT_A_REPORT =
  /通知|通[报報]|意[见見]|方案|[编編]制工作|[报報]送|征求|解[读讀]|目[录錄]|[专專]欄|[专專]栏|栏目|欄目|列表|[汇匯]总|[汇匯]總|网站工作年度报表|網站工作年度報表|网站年度报表|網站年度報表/;

/** The page's metadata that names the report, its publisher and its date, as TRS and UCAP CMSs write it. */
export const HINT_META = { title: 'articletitle', publisher: 'contentsource', published: 'pubdate' } as const;

const compact = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

/** `XX2023年政府信息公开工作年度报告`: the report's own title (a year, the words, not a notice about one). */
export function isReportTitle(text: string | null | undefined): boolean {
  if (!text || text.length > 200) return false;
  const t = compact(text);
  return REPORT_TITLE.test(t) && YEAR.test(t) && !NOT_A_REPORT.test(t);
}

/** A title that speaks of reports but names something else (a notice, a list of reports). */
export function isOtherDocumentTitle(text: string | null | undefined): boolean {
  if (!text || text.length > 200) return false;
  const t = compact(text);
  return (REPORT_TITLE.test(t) && NOT_A_REPORT.test(t)) || /网站(?:工作)?年度报表|網站(?:工作)?年度報表/.test(t);
}

/**
 * The report's root, as the content script and the CLI both find it: the nearest ancestor of the
 * first table shaped like table 三 (rows of its own within these bounds) whose text names the overview.
 */
export const OVERVIEW_WORDS = ['总体情况', '總體情況'] as const;
export const TABLE3_ROWS = { min: 10, max: 90 } as const;

/** Table text that only table 三 has. */
export function tableLooksLikeReport(text: string): boolean {
  return text.includes('本年新收') && /[结結][转轉]/.test(text);
}

/** A link to a document rather than a page: the report as an attachment. */
export const ATTACHMENT_URL = /\.(pdf|docx?|wps|xlsx?|et|ofd|zip|rar|7z)(?:[?#]|$)/i;
export const isPdfUrl = (url: string) => /\.pdf(?:[?#]|$)/i.test(url);

/** The permission pattern for a URL's site (a match pattern names no port). */
export const sitePattern = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
};
