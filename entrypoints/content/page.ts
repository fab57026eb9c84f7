import { HINT_META, isOtherDocumentTitle, isReportTitle, tableLooksLikeReport } from '../../lib/detect';
import { MAX_MARKUP_CHARS, type PageContent } from '../../lib/messages';

function metaContent(doc: Document, name: string): string | null {
  const metas = doc.head?.getElementsByTagName('meta') ?? [];
  for (let i = 0; i < metas.length; i++)
    if (metas[i].name.toLowerCase() === name && metas[i].content.trim()) return metas[i].content.trim();
  return null;
}

/** Where the article's title is most likely written: <meta name="ArticleTitle"> (TRS, UCAP), else <title>. */
const pageTitle = (doc: Document): string | null => metaContent(doc, HINT_META.title) ?? (doc.title || null);

const isTextDocument = (doc: Document) => doc.contentType === 'text/plain';

const MAX_TABLE3_CHECKS = 20;

/** A table shaped like table 三 (25–30 rows; with 二 and 四 in one table, up to ~70) that holds its words. */
function hasTable3Shaped(doc: Document): boolean {
  const tables = doc.getElementsByTagName('table');
  for (let i = 0, checked = 0; i < tables.length && checked < MAX_TABLE3_CHECKS; i++) {
    const rows = tables[i].rows.length;
    if (rows < 10 || rows > 90) continue;
    checked++;
    if (tableLooksLikeReport(tables[i].textContent ?? '')) return true;
  }
  return false;
}

/** A heading or one of the first paragraphs holds a report's title (a title printed in a <p>). */
function headingIsReportTitle(doc: Document): boolean {
  for (const [tag, max] of [
    ['h1', 10],
    ['h2', 10],
    ['h3', 10],
    ['p', 30],
  ] as const) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; i < els.length && i < max; i++) if (isReportTitle(els[i].textContent)) return true;
  }
  return false;
}

/** A 年报专栏: several links named like reports. */
function listsReports(doc: Document): boolean {
  let found = 0;
  for (let i = 0; i < doc.links.length && i < 3000; i++)
    if (isReportTitle(doc.links[i].textContent) && ++found >= 4) return true;
  return false;
}

/**
 * The cheap first look at every page: title, top headings, first paragraphs, then tables shaped
 * like table 三. A notice about reports or a list of them is not a report unless it holds table 三.
 */
export function looksLikeReport(doc: Document): boolean {
  if (isTextDocument(doc)) {
    const text = doc.body?.textContent ?? '';
    return (
      text
        .slice(0, 3000)
        .split('\n')
        .some((line) => isReportTitle(line)) || tableLooksLikeReport(text.slice(0, 300_000))
    );
  }
  const title = pageTitle(doc);
  if (isOtherDocumentTitle(title)) return hasTable3Shaped(doc);
  if (isReportTitle(title) || headingIsReportTitle(doc)) return !listsReports(doc) || hasTable3Shaped(doc);
  return hasTable3Shaped(doc);
}

const textNode = (doc: Document, xpath: string): Node | null =>
  doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;

const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col']);

/**
 * The element that holds the report: the deepest one holding both its overview (总体情况) and
 * table 三 (本年新收), as lib/source/html.ts findReportRoot finds it, but with native XPath. A part
 * of a table is widened to its table, so that its markup parses alone.
 */
function readingRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const outside =
    'not(ancestor::script) and not(ancestor::style) and not(ancestor::template) and not(ancestor::noscript) and not(ancestor::textarea)';
  // the cheap test first: XPath applies predicates in order, and few text nodes hold these words
  const table3 = textNode(doc, `//text()[contains(., '本年新收')][${outside}]`);
  const overview = textNode(doc, `//text()[contains(., '总体情况') or contains(., '總體情況')][${outside}]`);
  if (!table3 || !overview) return body;
  let root: Node | null = overview.parentNode;
  while (root && !root.contains(table3)) root = root.parentNode;
  if (root?.nodeType !== 1 || root === doc.documentElement) return body;
  let el = root as Element;
  while (TABLE_PARTS.has(el.localName) && el.parentElement) el = el.parentElement;
  return el.closest('body') ? el : body;
}

/** The page's title and the metadata the reader takes hints from, as markup. */
function headMarkup(doc: Document): string {
  const parts: string[] = [];
  const title = doc.querySelector('title');
  if (title) parts.push(title.outerHTML);
  const metas = doc.getElementsByTagName('meta');
  const names: string[] = Object.values(HINT_META);
  for (let i = 0; i < metas.length; i++)
    if (names.includes(metas[i].name.toLowerCase())) parts.push(metas[i].outerHTML);
  return parts.join('');
}

export interface PageForReading {
  content: PageContent;
  /** the elements the reader's mark indexes point into (none for a text page) */
  elements(): ArrayLike<Element>;
}

/** What the background reads: the report's part of the page as markup (or a text page's text); null when too large. */
export function pageForReading(doc: Document): PageForReading | { tooLarge: number } {
  if (isTextDocument(doc)) {
    const text = doc.body?.textContent ?? '';
    return text.length > MAX_MARKUP_CHARS
      ? { tooLarge: text.length }
      : { content: { kind: 'text', text }, elements: () => [] };
  }
  const root = readingRoot(doc);
  const isBody = root === doc.body || root === doc.documentElement;
  const inner = isBody ? root.innerHTML : root.outerHTML;
  if (inner.length > MAX_MARKUP_CHARS) return { tooLarge: inner.length };
  const html = `<!DOCTYPE html><html><head>${headMarkup(doc)}</head><body>${inner}</body></html>`;
  return {
    content: { kind: 'html', html },
    elements: () => (isBody ? root.querySelectorAll('*') : [root, ...Array.from(root.querySelectorAll('*'))]),
  };
}
