import { OVERVIEW_WORDS, TABLE3_ROWS } from '../detect';
import { plainText } from '../text/normalize';
import { demoteStrayLabels, isPageMarker, pushCell, pushMixed, type Token } from './tokens';

/**
 * The few DOM operations the reader needs. One backend reads pages: parse5 (lib/source/parse5.ts),
 * in the CLI and in the extension's background worker alike.
 */
export interface DomAdapter<N> {
  isElement(node: N): boolean;
  isText(node: N): boolean;
  /** lower-case tag name of an element */
  tag(node: N): string;
  attr(node: N, name: string): string | null;
  children(node: N): ArrayLike<N>;
  /** data of a text node */
  data(node: N): string;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'button',
  'input',
  'map',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'form',
  'fieldset',
  'center',
  'address',
  'figure',
  'figcaption',
  'body',
  'html',
  'ucapcontent',
  'caption',
  'hr',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
]);

function isHidden<N>(dom: DomAdapter<N>, node: N): boolean {
  if (dom.attr(node, 'hidden') !== null) return true;
  const style = dom.attr(node, 'style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Visible text of a node, `<br>` and block boundaries as spaces; nested tables excluded. */
export function cellText<N>(dom: DomAdapter<N>, node: N): string {
  let out = '';
  const walk = (n: N) => {
    if (dom.isText(n)) {
      out += dom.data(n);
      return;
    }
    if (!dom.isElement(n)) return;
    const tag = dom.tag(n);
    if (SKIP.has(tag) || tag === 'table' || isHidden(dom, n)) return;
    if (tag === 'br') {
      out += ' ';
      return;
    }
    const kids = dom.children(n);
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (BLOCK.has(tag)) out += ' ';
  };
  walk(node);
  return out;
}

function hasDescendant<N>(dom: DomAdapter<N>, node: N, tag: string): boolean {
  const kids = dom.children(node);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (!dom.isElement(k)) continue;
    if (dom.tag(k) === tag || hasDescendant(dom, k, tag)) return true;
  }
  return false;
}

/** The `<tr>`s of a table (through thead/tbody/tfoot), not those of nested tables. */
function rowsOf<N>(dom: DomAdapter<N>, table: N): N[] {
  const rows: N[] = [];
  const visit = (n: N) => {
    const kids = dom.children(n);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (!dom.isElement(k)) continue;
      const t = dom.tag(k);
      if (t === 'tr') rows.push(k);
      else if (t === 'tbody' || t === 'thead' || t === 'tfoot') visit(k);
    }
  };
  visit(table);
  return rows;
}

function cellsOfRow<N>(dom: DomAdapter<N>, tr: N): N[] {
  const cells: N[] = [];
  const kids = dom.children(tr);
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    if (dom.isElement(k) && (dom.tag(k) === 'td' || dom.tag(k) === 'th')) cells.push(k);
  }
  return cells;
}

const span = (v: string | null, max: number) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

export interface GridSlot<N> {
  cell: N;
  /** true in the top-left slot of a spanning cell */
  origin: boolean;
}

/**
 * Expands rowspan/colspan into a grid (as pandas' read_html does): one pass per row, carrying
 * the cells that still span down. Every slot points back to its source cell.
 */
export function tableGrid<N>(dom: DomAdapter<N>, table: N): GridSlot<N>[][] {
  const grid: GridSlot<N>[][] = [];
  let pending = new Map<number, { cell: N; left: number }>();
  for (const tr of rowsOf(dom, table)) {
    const row: GridSlot<N>[] = [];
    const next = new Map<number, { cell: N; left: number }>();
    let col = 0;
    const carryDown = (c: number) => {
      const p = pending.get(c)!;
      row[c] = { cell: p.cell, origin: false };
      if (p.left > 1) next.set(c, { cell: p.cell, left: p.left - 1 });
      pending.delete(c);
    };
    const skipPending = () => {
      while (pending.has(col)) carryDown(col++);
    };
    skipPending();
    for (const cell of cellsOfRow(dom, tr)) {
      const width = span(dom.attr(cell, 'colspan'), 100);
      const height = span(dom.attr(cell, 'rowspan'), 500);
      for (let w = 0; w < width; w++) {
        row[col + w] = { cell, origin: w === 0 };
        if (height > 1) next.set(col + w, { cell, left: height - 1 });
      }
      col += width;
      skipPending();
    }
    for (const c of [...pending.keys()].sort((x, y) => x - y)) carryDown(c);
    pending = next;
    grid.push(Array.from(row, (slot) => slot ?? { cell: table, origin: false }));
  }
  return grid;
}

export interface HtmlTokens<N> {
  tokens: Token<N>[];
  /** visible text of the page in reading order, one block per line */
  text: string;
  /** links (text and href as written) and the number of images: a report's tables may be either */
  links: PageLink[];
  images: number;
}

export interface PageLink {
  text: string;
  href: string;
}

/**
 * Tokens from a page: data tables become row tokens (one per source cell, in grid order);
 * everything else becomes flat text pieces, one block per line. Layout tables (cells that
 * hold tables or long text) are walked as containers.
 */
export function tokensFromDom<N>(dom: DomAdapter<N>, root: N): HtmlTokens<N> {
  const tokens: Token<N>[] = [];
  const lines: string[] = [];
  const links: PageLink[] = [];
  let images = 0;
  let rowId = 0;
  let tables = 0;
  let line = '';
  let lineOwner: N = root;

  const flush = () => {
    const text = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    line = '';
    if (!text || isPageMarker(text)) return;
    lines.push(text);
    pushMixed(tokens, text, null, lineOwner, 'text');
  };

  const texts = new Map<N, string>();
  const textOf = (cell: N) => {
    let t = texts.get(cell);
    if (t === undefined) texts.set(cell, (t = cellText(dom, cell)));
    return t;
  };
  const isLayoutTable = (table: N): boolean => {
    for (const tr of rowsOf(dom, table)) {
      for (const td of cellsOfRow(dom, tr)) {
        if (hasDescendant(dom, td, 'table')) return true;
        if (textOf(td).length > 300) return true;
      }
    }
    return false;
  };

  const walk = (n: N) => {
    if (dom.isText(n)) {
      line += dom.data(n);
      return;
    }
    if (!dom.isElement(n)) {
      // a document or fragment: walk its children; comments have none
      const kids = dom.children(n);
      for (let i = 0; i < kids.length; i++) walk(kids[i]);
      return;
    }
    const tag = dom.tag(n);
    if (SKIP.has(tag) || isHidden(dom, n)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'img') images++;
    if (tag === 'a') {
      const href = dom.attr(n, 'href');
      if (href) links.push({ text: plainText(cellText(dom, n)).replace(/\s+/g, ' ').trim(), href: href.trim() });
    }
    if (tag === 'table' && !isLayoutTable(n)) {
      flush();
      tables++;
      const grid = tableGrid(dom, n);
      grid.forEach((row, r) => {
        const id = ++rowId;
        const rowStart = tokens.length;
        const texts: string[] = [];
        row.forEach((slot, c) => {
          if (!slot.origin) return;
          const raw = textOf(slot.cell);
          texts.push(plainText(raw).trim());
          pushCell(tokens, raw, id, slot.cell, `table ${tables}, row ${r + 1}, column ${c + 1}`);
        });
        demoteStrayLabels(tokens, rowStart);
        const rowText = texts.filter(Boolean).join(' ');
        if (rowText) lines.push(rowText);
      });
      return;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      lineOwner = n;
    }
    const kids = dom.children(n);
    for (let i = 0; i < kids.length; i++) {
      walk(kids[i]);
      if (block) lineOwner = n;
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return { tokens, text: lines.join('\n'), links, images };
}

/** All the text under a node, as the DOM's textContent gives it. */
function textUnder<N>(dom: DomAdapter<N>, n: N): string {
  if (dom.isText(n)) return dom.data(n);
  let text = '';
  const kids = dom.children(n);
  for (let i = 0; i < kids.length; i++) text += textUnder(dom, kids[i]);
  return text;
}

const childrenTagged = <N>(dom: DomAdapter<N>, n: N, tag: string) =>
  Array.from(dom.children(n)).filter((k) => dom.isElement(k) && dom.tag(k) === tag);

/** A table shaped like table 三: 10–90 rows of its own, 本年新收 and 结转 in its text. */
function isTable3Shaped<N>(dom: DomAdapter<N>, table: N): boolean {
  const rows =
    childrenTagged(dom, table, 'tr').length +
    Array.from(dom.children(table))
      .filter((k) => dom.isElement(k))
      .reduce((sum, k) => sum + childrenTagged(dom, k, 'tr').length, 0);
  if (rows < TABLE3_ROWS.min || rows > TABLE3_ROWS.max) return false;
  const text = textUnder(dom, table);
  return text.includes('本年新收') && (text.includes('结转') || text.includes('結轉'));
}

/**
 * The part of a page that holds the report: from the first table shaped like table 三, its nearest
 * ancestor whose text names the overview (一、总体情况); without such a table, the deepest element
 * holding the first text naming the overview and the first naming 本年新收. Reading only that skips
 * the portal's menus and footers; without both landmarks, the whole page. The content script finds
 * the same element the same way with XPath (entrypoints/content/page.ts) and sends only it: the
 * extension and the CLI read the same part, and number its tables alike.
 */
export function findReportRoot<N>(dom: DomAdapter<N>, root: N): N {
  const found: { table3?: N[]; overview?: N[]; shaped?: N[] } = {};
  const path: N[] = [];
  const visit = (n: N) => {
    if (found.shaped) return;
    if (dom.isText(n)) {
      const d = dom.data(n);
      if (!found.table3 && d.includes('本年新收')) found.table3 = [...path];
      if (!found.overview && OVERVIEW_WORDS.some((w) => d.includes(w))) found.overview = [...path];
      return;
    }
    if (dom.isElement(n) && NOT_TEXT.has(dom.tag(n))) return;
    if (dom.isElement(n) && dom.tag(n) === 'table' && isTable3Shaped(dom, n)) {
      found.shaped = [...path];
      return;
    }
    path.push(n);
    const kids = dom.children(n);
    for (let i = 0; i < kids.length; i++) visit(kids[i]);
    path.pop();
  };
  visit(root);
  const isPage = (n: N | undefined) =>
    n === undefined || n === root || (dom.isElement(n) && ['html', 'body'].includes(dom.tag(n)));
  if (found.shaped) {
    for (let i = found.shaped.length - 1; i >= 0; i--) {
      const n = found.shaped[i];
      if (isPage(n)) return root;
      const text = textUnder(dom, n);
      if (OVERVIEW_WORDS.some((w) => text.includes(w))) return n;
    }
    return root;
  }
  const { table3: a, overview: b } = found;
  if (!a || !b) return root;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const common = a[i - 1];
  // the whole document, its <html> and its <body> are all "the page"
  return i <= 1 || isPage(common) ? root : common;
}

const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea']);
