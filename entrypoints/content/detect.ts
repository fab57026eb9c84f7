import { tableLooksLikeReport, titleLooksLikeReport } from '../../lib/detect';

function metaContent(doc: Document, name: string): string | null {
  const metas = doc.head?.getElementsByTagName('meta') ?? [];
  for (let i = 0; i < metas.length; i++) if (metas[i].name.toLowerCase() === name && metas[i].content.trim()) return metas[i].content.trim();
  return null;
}

/** Where the article's title is most likely written: <meta name="ArticleTitle"> (TRS, UCAP), else <title>. */
export const pageTitle = (doc: Document): string | null => metaContent(doc, 'articletitle') ?? (doc.title || null);

/** The publisher the CMS records (<meta name="ContentSource">). */
export const pageOrgan = (doc: Document): string | null => metaContent(doc, 'contentsource');

const textNode = (doc: Document, xpath: string): Node | null =>
  doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;

/**
 * Cheap: the title, the top headings, the first paragraphs (a title printed in a <p>), then the
 * text of tables shaped like table 三 (it has 25–30 rows; with 二 and 四 in one table, up to ~70).
 * No parsing, no opencc, nothing that grows with a long page.
 */
export function looksLikeReport(doc: Document): boolean {
  if (titleLooksLikeReport(pageTitle(doc))) return true;
  for (const tag of ['h1', 'h2', 'h3', 'p']) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; i < els.length && i < (tag === 'p' ? 30 : 10); i++) if (titleLooksLikeReport(els[i].textContent)) return true;
  }
  const tables = doc.getElementsByTagName('table');
  for (let i = 0, checked = 0; i < tables.length && checked < 20; i++) {
    const rows = tables[i].rows.length;
    if (rows < 10 || rows > 90) continue;
    checked++;
    if (tableLooksLikeReport(tables[i].textContent ?? '')) return true;
  }
  return false;
}

/**
 * The part of the page that holds the report, as lib's findReportRoot finds it (so the extension
 * and the CLI read the same cells at the same places), with native XPath instead of a JS walk.
 */
export function reportRoot(doc: Document): Node {
  const body = doc.body ?? doc.documentElement;
  const outside = "not(ancestor::script) and not(ancestor::style) and not(ancestor::template) and not(ancestor::noscript) and not(ancestor::textarea)";
  const table3 = textNode(doc, `//text()[${outside} and contains(., '本年新收')]`);
  const overview = textNode(doc, `//text()[${outside} and (contains(., '总体情况') or contains(., '總體情況'))]`);
  if (!table3 || !overview) return body;
  let root: Node | null = overview.parentNode;
  while (root && !root.contains(table3)) root = root.parentNode;
  return root && root.nodeType === 1 && root !== doc.documentElement ? root : body;
}
