import type { Finding } from '../../lib/model';

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
export function applyMarks(doc: Document, marks: PlacedMark[], findings: readonly Finding[]): MarkSet {
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
    el.setAttribute(RULE_ATTR, [...new Set(indexes.map((i) => findings[i].rule))].sort().join(' '));
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
