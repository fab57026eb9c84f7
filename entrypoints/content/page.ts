import {
  HINT_META,
  isOtherDocumentTitle,
  isReportTitle,
  OVERVIEW_WORDS,
  TABLE3_ROWS,
  tableLooksLikeReport,
} from '../../lib/detect';
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

/** A report's title words (a superset of isReportTitle: the words and a year 20xx), for XPath. */
const REPORT_WORDS =
  "contains(., '信息公') and contains(., '20') and (contains(., '报告') or contains(., '報告') or contains(., '年报') or contains(., '年報'))";
/** Where a report's title is written: <title>, ArticleTitle, the top headings, the first paragraphs. */
const TITLE_PLACES =
  "//title | /html/head/meta[translate(@name, 'ARTICLETITLE', 'articletitle') = 'articletitle']/@content | //h1 | //h2 | //h3 | /descendant::p[position() <= 30]";
/** A table shaped like table 三 (25–30 rows; with 二 and 四 in one table, up to ~70) that holds its words. */
const TABLE3_SHAPED = `//table[count(tr) + count(*/tr) >= ${TABLE3_ROWS.min} and count(tr) + count(*/tr) <= ${TABLE3_ROWS.max}][contains(., '本年新收')][contains(., '结转') or contains(., '結轉')]`;
const MAY_BE_REPORT = `boolean(${TABLE3_SHAPED}) or boolean((${TITLE_PLACES})[${REPORT_WORDS}])`;

const holds = (doc: Document, xpath: string) =>
  doc.evaluate(xpath, doc, null, XPathResult.BOOLEAN_TYPE, null).booleanValue;

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
 * The look at every gov.cn page. Most pages are settled by one native XPath query that touches no
 * element: a content script's first touch of an element costs the page ≈ 1.5 ms (Blink builds the
 * element interfaces for the script's world), more than the query on a large page. A table shaped
 * like table 三 makes a report; without one, only a page whose title words say "report" is looked
 * at closer: a notice about reports or a list of them is not one.
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
  if (!holds(doc, MAY_BE_REPORT)) return false;
  if (holds(doc, `boolean(${TABLE3_SHAPED})`)) return true;
  const title = pageTitle(doc);
  if (isOtherDocumentTitle(title)) return false;
  return (isReportTitle(title) || headingIsReportTitle(doc)) && !listsReports(doc);
}

const firstNode = (doc: Document, xpath: string): Node | null =>
  doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;

const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col']);

/**
 * The element that holds the report: the deepest one holding both its overview (总体情况) and
 * table 三 (本年新收), as lib/source/html.ts findReportRoot finds it. From the table shaped like
 * table 三 when there is one (the nearest ancestor whose text names the overview: a few ancestors'
 * text, where a search of every text node of a page costs milliseconds), else from the first text
 * nodes naming both. A part of a table is widened to its table, so that its markup parses alone.
 */
function readingRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const table = firstNode(doc, TABLE3_SHAPED);
  let root: Node | null = null;
  if (table) {
    root = table.parentNode;
    while (root && root !== doc.documentElement && !OVERVIEW_WORDS.some((w) => root?.textContent?.includes(w)))
      root = root.parentNode;
  } else {
    const outside =
      'not(ancestor::script) and not(ancestor::style) and not(ancestor::template) and not(ancestor::noscript) and not(ancestor::textarea)';
    // the cheap test first: XPath applies predicates in order, and few text nodes hold these words
    const table3 = firstNode(doc, `//text()[contains(., '本年新收')][${outside}]`);
    const overview = firstNode(
      doc,
      `//text()[${OVERVIEW_WORDS.map((w) => `contains(., '${w}')`).join(' or ')}][${outside}]`,
    );
    if (!table3 || !overview) return body;
    root = overview.parentNode;
    while (root && !root.contains(table3)) root = root.parentNode;
  }
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
  /** the element a reader's mark index points to (none on a text page) */
  elementAt(index: number): Element | undefined;
}

/** What the background reads: the report's part of the page as markup (or a text page's text); null when too large. */
export function pageForReading(doc: Document): PageForReading | { tooLarge: number } {
  if (isTextDocument(doc)) {
    const text = doc.body?.textContent ?? '';
    return text.length > MAX_MARKUP_CHARS
      ? { tooLarge: text.length }
      : { content: { kind: 'text', text }, elementAt: () => undefined };
  }
  const root = readingRoot(doc);
  const isBody = root === doc.body || root === doc.documentElement;
  const inner = isBody ? root.innerHTML : root.outerHTML;
  if (inner.length > MAX_MARKUP_CHARS) return { tooLarge: inner.length };
  const html = `<!DOCTYPE html><html><head>${headMarkup(doc)}</head><body>${inner}</body></html>`;
  let descendants: NodeListOf<Element> | null = null;
  return {
    content: { kind: 'html', html },
    // indexes count the root itself first, unless it is the body; only the marked elements are touched
    elementAt: (index) => {
      descendants ??= root.querySelectorAll('*');
      return isBody ? descendants[index] : index === 0 ? root : descendants[index - 1];
    },
  };
}
