import type { Lang, PageAnalysis, ShownFinding } from '../../lib/messages';

// The in-page banner (fixed in a corner, so the page's flow is untouched) and the hover explanation,
// drawn with plain DOM calls: page text only ever goes in as text nodes. Not Preact: this module is
// compiled on every report page a user opens, and the words come ready-made from the background.

/** The hover explanation's size: the CSS below and the placement beside a cell (mark-view.ts) both use it. */
export const TOOLTIP_MAX_WIDTH = 380;
export const TOOLTIP_MAX_HEIGHT = 120;

export const BANNER_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; }
[hidden] { display: none !important; }
.banner { position: fixed; right: 16px; bottom: 16px; max-width: min(440px, calc(100vw - 32px)); max-height: 60vh; overflow: auto;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 13px; line-height: 1.5; }
.bar { display: flex; gap: 8px; align-items: center; padding: 8px 10px; flex-wrap: wrap; }
.bar strong { color: #c0392b; }
.bad { color: #d93025; font-weight: 600; } .warn { color: #b06000; font-weight: 600; } .ok { color: #1e8e3e; font-weight: 600; }
button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #f8f9fa; border-radius: 6px; padding: 2px 8px; cursor: pointer; color: #202124; }
button:hover { background: #eef0f2; }
.list { margin: 0; padding: 0 10px 10px 28px; }
.list li { margin: 4px 0; }
.finding { display: block; width: 100%; text-align: left; border: none; border-left: 3px solid; border-radius: 0; background: #fafafa; padding: 4px 8px; }
.tip { position: fixed; max-width: ${TOOLTIP_MAX_WIDTH}px; background: #202124; color: #fff; border-radius: 8px; padding: 6px 10px; font-size: 12px; line-height: 1.5; box-shadow: 0 4px 12px rgba(0,0,0,.3); pointer-events: none; }
.tip p { margin: 4px 0; border-left: 3px solid; padding-left: 6px; }
.tip code { color: #fdd663; font-family: ui-monospace, monospace; }
.nums { display: block; color: #bdc1c6; }
`;

export interface BannerState {
  lang: Lang;
  open: boolean;
  /** closed with ✕ (the marks stay) */
  closed: boolean;
  tooltip: { findings: number[]; x: number; y: number } | null;
}

export interface BannerActions {
  focus(finding: number): void;
  clear(): void;
  toggle(): void;
  close(): void;
}

const color = (f: ShownFinding) => (f.severity === 'error' ? '#d93025' : '#e37400');

type Child = Node | string;

function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function button(doc: Document, attrs: Record<string, string>, onClick: () => void): HTMLElement {
  const b = el(doc, 'button', { type: 'button', ...attrs });
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Builds the banner into `mount` once; `update()` brings its words and parts in line with `state`
 * (the elements stay, so keyboard focus does too).
 */
export function drawBanner(mount: Element, view: PageAnalysis, state: BannerState, on: BannerActions): () => void {
  const doc = mount.ownerDocument;
  const { errors, warnings } = view.summary;
  const title = el(doc, 'strong', {});
  const summary = el(doc, 'span', { class: errors ? 'bad' : warnings ? 'warn' : 'ok' });
  const toggle = button(doc, {}, on.toggle);
  const clear = button(doc, { 'data-testid': 'nianbao-clear' }, on.clear);
  const close = button(doc, {}, on.close);
  close.textContent = '✕';
  const items = view.shown.map((f) => {
    const item = button(doc, { class: 'finding' }, () => on.focus(f.index));
    item.style.borderLeftColor = color(f);
    return item;
  });
  const list = el(doc, 'ol', { class: 'list' }, ...items.map((item) => el(doc, 'li', {}, item)));
  const banner = el(
    doc,
    'div',
    { class: 'banner', role: 'status', 'data-testid': 'nianbao-banner' },
    el(doc, 'div', { class: 'bar' }, title, summary, toggle, clear, close),
    list,
  );
  mount.append(banner);
  return () => {
    const words = view.words[state.lang];
    title.textContent = words.title;
    summary.textContent = words.summary;
    toggle.textContent = state.open ? words.collapse : words.expand;
    toggle.setAttribute('aria-expanded', String(state.open));
    clear.textContent = words.clear;
    close.setAttribute('aria-label', words.close);
    view.shown.forEach((f, i) => {
      items[i].textContent = f.message[state.lang];
    });
    list.hidden = !state.open || !items.length;
    banner.hidden = state.closed;
  };
}

/** Draws the hover explanation into `mount`, or empties it. */
export function drawTooltip(mount: Element, shown: Map<number, ShownFinding>, state: BannerState): void {
  const tip = state.tooltip;
  if (!tip) {
    mount.replaceChildren();
    return;
  }
  const doc = mount.ownerDocument;
  const tooltip = el(doc, 'div', { class: 'tip', role: 'tooltip', 'data-testid': 'nianbao-tooltip' });
  tooltip.style.left = `${tip.x}px`;
  tooltip.style.top = `${tip.y}px`;
  for (const index of tip.findings) {
    const f = shown.get(index);
    if (!f) continue;
    const p = el(doc, 'p', {}, el(doc, 'code', {}, f.rule), ` ${f.message[state.lang]}`);
    p.style.borderLeftColor = color(f);
    if (f.involved) p.append(el(doc, 'span', { class: 'nums' }, f.involved[state.lang]));
    tooltip.append(p);
  }
  mount.replaceChildren(tooltip);
}
