const STYLE_ID = 'nianbao-check-style';
export const RULE_ATTR = 'data-nianbao-rule';
const SEVERITY_ATTR = 'data-nianbao-severity';
const FLASH_ATTR = 'data-nianbao-flash';

// Outlines and a tint: visible over any cell, and they take no space, so the page's layout stays as
// it was. Set on the marked elements themselves: a style sheet added to the page would make the
// browser restyle the whole page; only the pulse of a focused cell needs one, added on demand.
const MARK_STYLE = {
  error: { outline: '2px solid #d93025', 'background-color': 'rgba(217, 48, 37, 0.12)' },
  warning: { outline: '2px solid #e37400', 'background-color': 'rgba(227, 116, 0, 0.12)' },
} as const;
// the cell most likely wrong stands out; the cells only around it step back
const EMPHASIS_STYLE = {
  suspect: { outline: '3px solid #b3261e', 'background-color': 'rgba(217, 48, 37, 0.28)' },
  context: { outline: '1px dashed #d93025', 'background-color': 'rgba(217, 48, 37, 0.05)' },
  plain: {},
} as const;
const EMPHASIS_ATTR = 'data-nianbao-emphasis';
const FLASH_CSS = `
[${FLASH_ATTR}] { animation: nianbao-flash 0.4s ease-in-out 4 alternate !important; }
@keyframes nianbao-flash { from { outline-width: 2px; } to { outline-width: 5px; box-shadow: 0 0 0 4px rgba(217, 48, 37, 0.35); } }
`;

export interface MarkSet {
  /** page element → indexes of the findings that mark it */
  byElement: Map<Element, number[]>;
  /** finding index → its page elements, in page order */
  byFinding: Map<number, Element[]>;
  clear(): void;
}

export interface PlacedMark {
  el: Element;
  /** indexes into report.findings */
  findings: number[];
  severity: 'error' | 'warning';
  emphasis: 'suspect' | 'context' | 'plain';
}

/** Marks the page elements of every cell involved in a failing check; `clear()` puts the page back as it was. */
export function applyMarks(doc: Document, marks: PlacedMark[], ruleOf: (finding: number) => string): MarkSet {
  const byElement = new Map<Element, number[]>();
  const byFinding = new Map<number, Element[]>();
  const severity = new Map<Element, 'error' | 'warning'>();
  const emphasis = new Map<Element, PlacedMark['emphasis']>();
  for (const mark of marks) {
    byElement.set(mark.el, mark.findings);
    severity.set(mark.el, mark.severity);
    emphasis.set(mark.el, mark.emphasis);
    for (const f of mark.findings) byFinding.set(f, [...(byFinding.get(f) ?? []), mark.el]);
  }

  const added: { el: Element; tabindex: string | null; style: string | null }[] = [];
  for (const [el, indexes] of byElement) {
    const before = { el, tabindex: el.getAttribute('tabindex'), style: el.getAttribute('style') };
    const level = severity.get(el)!;
    el.setAttribute(RULE_ATTR, [...new Set(indexes.map(ruleOf))].sort().join(' '));
    el.setAttribute(SEVERITY_ATTR, level);
    if (emphasis.get(el) !== 'plain') el.setAttribute(EMPHASIS_ATTR, emphasis.get(el)!);
    const css = (el as HTMLElement).style;
    if (css) {
      const style = { ...MARK_STYLE[level], ...EMPHASIS_STYLE[emphasis.get(el) ?? 'plain'] };
      for (const [name, value] of Object.entries(style)) css.setProperty(name, value, 'important');
      css.setProperty('outline-offset', '-2px', 'important');
      css.setProperty('cursor', 'help');
    }
    if (before.tabindex === null) el.setAttribute('tabindex', '0'); // so the explanation shows on keyboard focus too
    added.push(before);
  }
  return {
    byElement,
    byFinding,
    clear() {
      for (const { el, tabindex, style } of added) {
        el.removeAttribute(RULE_ATTR);
        el.removeAttribute(SEVERITY_ATTR);
        el.removeAttribute(EMPHASIS_ATTR);
        el.removeAttribute(FLASH_ATTR);
        if (tabindex === null) el.removeAttribute('tabindex');
        if (style === null) el.removeAttribute('style');
        else el.setAttribute('style', style);
      }
      doc.getElementById(STYLE_ID)?.remove();
      added.length = 0;
      byElement.clear();
      byFinding.clear();
    },
  };
}

/** Scrolls a finding's first cell into view and makes its outline pulse. */
export function flash(el: Element): void {
  const doc = el.ownerDocument;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = FLASH_CSS;
    (doc.head ?? doc.documentElement).appendChild(style);
  }
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.removeAttribute(FLASH_ATTR);
  // restart the animation
  void (el as HTMLElement).offsetWidth;
  el.setAttribute(FLASH_ATTR, '');
  setTimeout(() => el.removeAttribute(FLASH_ATTR), 2000);
}

const SKIP_TEXT_IN = new Set(['script', 'style', 'noscript', 'textarea', 'template', 'nianbao-check-ui']);

/** A text node's characters as the reader compares them (width-folded, no white space), each with its offset. */
function compared(data: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const folded = data[i].normalize('NFKC');
    if (/^\s*$/.test(folded)) continue;
    for (const ch of folded) {
      text += ch;
      at.push(i);
    }
  }
  return { text, at };
}

export interface WrappedFigure {
  el: HTMLElement;
  /** puts the page's text back as one text node, as it was */
  unwrap(): void;
}

/**
 * Finds a figure the text quotes (`…办结依申请公开事项403件`, figure `403`) in the page's text and
 * wraps it in a span to mark. Only within one text node, after at least two characters of the
 * sentence before it; not found → null (the cell marks still show the finding).
 */
export function wrapQuotedFigure(root: Element, quote: { text: string; figure?: string }): WrappedFigure | null {
  const figure = quote.figure && compared(quote.figure).text;
  const sentence = compared(quote.text).text;
  const end = figure ? sentence.lastIndexOf(figure) + figure.length : -1;
  if (!figure || end < figure.length) return null;
  const doc = root.ownerDocument;
  for (const context of [8, 4, 2]) {
    const from = Math.max(0, end - figure.length - context);
    if (end - figure.length - from < Math.min(context, 2)) continue;
    const needle = sentence.slice(from, end);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        SKIP_TEXT_IN.has(n.parentElement?.localName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      // most text nodes lack the figure: folded whole, which for digits is the same as char by char
      if (!node.data.normalize('NFKC').replace(/\s+/g, '').includes(figure)) continue;
      const seen = compared(node.data);
      const hit = seen.text.indexOf(needle);
      if (hit < 0) continue;
      const first = seen.at[hit + needle.length - figure.length];
      const last = seen.at[hit + needle.length - 1] + 1;
      const range = doc.createRange();
      range.setStart(node, first);
      range.setEnd(node, last);
      const span = doc.createElement('span');
      span.setAttribute('data-nianbao-quote', '');
      range.surroundContents(span);
      return {
        el: span,
        unwrap() {
          const before = span.previousSibling;
          const after = span.nextSibling;
          const text = doc.createTextNode(span.textContent ?? '');
          span.replaceWith(text);
          // the node was split in three around the figure: join it back into one
          if (before?.nodeType === 3) {
            (before as Text).data += text.data;
            text.remove();
            if (after?.nodeType === 3) {
              (before as Text).data += (after as Text).data;
              after.remove();
            }
          } else if (after?.nodeType === 3) {
            text.data += (after as Text).data;
            after.remove();
          }
        },
      };
    }
  }
  return null;
}
