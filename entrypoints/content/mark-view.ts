import type { Lang, PageAnalysis, ShownFinding } from '../../lib/messages';
import { textSignature } from '../../lib/page/mark-plan';
import { BANNER_CSS, type BannerState, drawBanner, drawTooltip, TOOLTIP_MAX_HEIGHT, TOOLTIP_MAX_WIDTH } from './banner';
import { applyMarks, flash, RULE_ATTR, type PlacedMark, type WrappedFigure, wrapQuotedFigure } from './marks';

const HOST_TAG = 'nianbao-check-ui';

/** The marks and the banner on one page. */
export interface MarkView {
  /** elements marked */
  marked: number;
  /** marks the reader asked for whose element is no longer the one it read */
  unplaced: number;
  focus(findingIndex: number): boolean;
  setLang(lang: Lang): void;
  /** removes every mark and the banner: the page is as it was */
  clear(): void;
}
const GAP = 6;

/** Marks the elements the reader named (each only if it is still the element the reader saw) and shows the banner. */
export function showMarks(
  doc: Document,
  result: PageAnalysis,
  elementAt: (index: number) => Element | undefined,
  lang: Lang,
  onClear: () => void,
): MarkView {
  const placed: PlacedMark[] = [];
  let unplaced = 0;
  for (const mark of result.marks) {
    const el = elementAt(mark.index);
    if (el && el.localName === mark.tag && textSignature(el.textContent ?? '') === mark.text)
      placed.push({ el, findings: mark.findings, severity: mark.severity, emphasis: mark.emphasis });
    else unplaced++;
  }
  // a figure the text quotes wrongly is marked inside its sentence too
  const wrapped: WrappedFigure[] = [];
  for (const f of result.shown) {
    if (!f.quote || !doc.body) continue;
    const figure = wrapQuotedFigure(doc.body, f.quote);
    if (!figure) continue;
    wrapped.push(figure);
    placed.push({ el: figure.el, findings: [f.index], severity: f.severity, emphasis: 'plain' });
  }
  const shown = new Map<number, ShownFinding>(result.shown.map((f) => [f.index, f]));
  const marks = applyMarks(doc, placed, (i) => shown.get(i)?.rule ?? '');

  const host = doc.createElement(HOST_TAG);
  host.setAttribute(
    'style',
    'all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; width: 0; height: 0;',
  );
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BANNER_CSS;
  const bannerSlot = doc.createElement('div');
  const tipSlot = doc.createElement('div');
  shadow.append(style, bannerSlot, tipSlot);
  doc.documentElement.appendChild(host);

  const state: BannerState = {
    lang,
    open: result.summary.errors + result.summary.warnings > 0,
    closed: false,
    tooltip: null,
  };
  const focus = (index: number) => {
    const el = marks.byFinding.get(index)?.[0];
    if (el) flash(el);
    return !!el;
  };
  const update = drawBanner(bannerSlot, result, state, {
    focus,
    clear: onClear,
    toggle: () => {
      state.open = !state.open;
      update();
    },
    close: () => {
      state.closed = true;
      update();
    },
  });
  const drawTip = () => drawTooltip(tipSlot, shown, state);

  const markedAt = (e: Event) => (e.target as Element | null)?.closest?.(`[${RULE_ATTR}]`) ?? null;
  const show = (e: Event) => {
    const el = markedAt(e);
    const indexes = el && marks.byElement.get(el);
    if (!el || !indexes) return;
    const rect = el.getBoundingClientRect();
    // beside the cell, below it unless that runs off the window, never off its edges
    const x = Math.max(8, Math.min(rect.left, window.innerWidth - TOOLTIP_MAX_WIDTH - 2 * GAP));
    const below = rect.bottom + GAP;
    const y =
      below + TOOLTIP_MAX_HEIGHT > window.innerHeight ? Math.max(8, rect.top - TOOLTIP_MAX_HEIGHT - GAP) : below;
    state.tooltip = { findings: indexes, x, y };
    drawTip();
  };
  const hide = (e: Event) => {
    if (!markedAt(e)) return;
    state.tooltip = null;
    drawTip();
  };
  const listeners: [string, EventListener][] = [
    ['mouseover', show],
    ['focusin', show],
    ['mouseout', hide],
    ['focusout', hide],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
  update();

  return {
    marked: marks.byElement.size,
    unplaced,
    focus,
    setLang(next) {
      state.lang = next;
      update();
      drawTip();
    },
    clear() {
      marks.clear();
      for (const figure of wrapped) figure.unwrap();
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
      host.remove();
    },
  };
}
