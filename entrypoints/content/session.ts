import { h, render } from 'preact';
import { Overlay, OVERLAY_CSS } from '../../components/Overlay';
import { titleLooksLikeReport, tableLooksLikeReport } from '../../lib/detect';
import type { Analysis } from '../../lib/analyze';
import { marksCells } from '../../lib/findings';
import { LANG_KEY, type Lang, type Message, type ReportResponse } from '../../lib/messages';
import { analyzeDom } from '../../lib/read';
import { browserDom } from '../../lib/source/browser-dom';
import { applyMarks, flash, RULE_ATTR, type MarkSet } from './marks';

const HOST_TAG = 'nianbao-check-ui';
const LATE_CONTENT_MS = 10_000;

interface Ctx {
  isInvalid: boolean;
  onInvalidated(cb: () => void): void;
}

/** Where the article's title is most likely written. */
function pageTitle(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="ArticleTitle" i]')?.getAttribute('content');
  return meta?.trim() || doc.title || null;
}

const REPORTISH = /报告|報告|年报|年報|信息公开|信息公開|gknb|ndbg|nianbao|xxgk|zwgk|nb\//i;

/** A native search for table 三's first row label in a table cell. */
const TABLE3_XPATH = "//table//text()[contains(., '本年新收')]";

const textNode = (doc: Document, xpath: string): Node | null =>
  doc.evaluate(xpath, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;

/**
 * The part of the page that holds the report: the nearest element holding both its overview
 * (一、总体情况) and table 三. Reading only that skips the portal's menus and footers; without
 * both landmarks, the whole body.
 */
export function reportRoot(doc: Document): Node {
  const body = doc.body ?? doc.documentElement;
  const table3 = textNode(doc, "//text()[contains(., '本年新收')]");
  const overview = textNode(doc, "//text()[contains(., '总体情况') or contains(., '總體情況') or contains(., '总体情況')]");
  if (!table3 || !overview) return body;
  let root: Node | null = overview.parentNode;
  while (root && root !== body && !root.contains(table3)) root = root.parentNode;
  return root && root.nodeType === 1 ? root : body;
}

/** Cheap: the title, a few headings, then a native search of the tables. No parsing, no opencc. */
export function looksLikeReport(doc: Document): boolean {
  if (titleLooksLikeReport(pageTitle(doc))) return true;
  const headings = doc.querySelectorAll('h1, h2, h3, .title');
  for (let i = 0; i < headings.length && i < 20; i++) {
    const text = headings[i].textContent ?? '';
    if (text.length < 120 && titleLooksLikeReport(text)) return true;
  }
  // searching the text is the one step that grows with the page: only where the address or title
  // points to the disclosure section (报告, 年报, 信息公开, zfxxgk…)
  if (!REPORTISH.test(location.pathname + ' ' + (doc.title ?? '')) || !doc.getElementsByTagName('table').length) return false;
  const hit = doc.evaluate(TABLE3_XPATH, doc, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  return !!hit && tableLooksLikeReport(hit.parentElement?.closest('table')?.textContent ?? '');
}

/** Converts traditional text in the background worker, so opencc never loads into the page. */
const convertInBackground = async (texts: string[]): Promise<string[]> => {
  const out = await browser.runtime.sendMessage({ type: 't2s', texts });
  if (!Array.isArray(out)) throw new Error('conversion unavailable');
  return out as string[];
};

export class Session {
  private analysis: Analysis<Node> | null = null;
  private marks: MarkSet | null = null;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private lang: Lang = 'zh';
  private tooltip: { findings: number[]; x: number; y: number } | null = null;
  private observer: MutationObserver | null = null;
  private pending: Promise<void> | null = null;
  private listeners: [string, EventListener][] = [];

  constructor(private doc: Document, private ctx: Ctx) {}

  async start(auto: boolean): Promise<void> {
    try {
      const stored = await browser.storage.local.get(LANG_KEY);
      if (stored[LANG_KEY] === 'en') this.lang = 'en';
    } catch {
      // storage unavailable: stay in Chinese
    }
    if (!auto) return;
    performance.mark('nianbao:detect:start');
    const isReport = looksLikeReport(this.doc);
    performance.measure('nianbao:detect', 'nianbao:detect:start');
    if (isReport) await this.run();
    else this.watchForLateContent();
  }

  /**
   * Some CMSs fill the article after load: look again when the page changes, at most twice a
   * second and for ten seconds only, so a page that never stops changing costs next to nothing.
   */
  private watchForLateContent() {
    let timer = 0;
    let scheduled = 0;
    const stop = () => {
      this.observer?.disconnect();
      this.observer = null;
      clearTimeout(timer);
      clearTimeout(scheduled);
    };
    const recheck = () => {
      scheduled = 0;
      if (this.ctx.isInvalid) return stop();
      performance.mark('nianbao:recheck:start');
      const found = looksLikeReport(this.doc);
      performance.measure('nianbao:recheck', 'nianbao:recheck:start');
      if (found) {
        stop();
        void this.run();
      }
    };
    this.observer = new MutationObserver(() => {
      scheduled ||= window.setTimeout(recheck, 500);
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    timer = window.setTimeout(stop, LATE_CONTENT_MS);
    this.ctx.onInvalidated(stop);
  }

  /** Reads, checks and marks the page. Safe to call again: the old marks go first. */
  run(): Promise<void> {
    this.pending ??= this.runOnce().finally(() => (this.pending = null));
    return this.pending;
  }

  private async runOnce() {
    try {
      this.clear();
      performance.mark('nianbao:analyze:start');
      const body = reportRoot(this.doc);
      const organ = this.doc.querySelector('meta[name="ContentSource" i]')?.getAttribute('content') ?? null;
      this.analysis = await analyzeDom(location.href, browserDom, body, { title: pageTitle(this.doc), organ }, { convert: convertInBackground });
      performance.measure('nianbao:analyze', 'nianbao:analyze:start');
      performance.mark('nianbao:mark:start');
      const { report, cells } = this.analysis;
      if (report.status === 'checked') {
        this.marks = applyMarks(this.doc, report.findings, cells);
        this.mountOverlay();
      }
      performance.measure('nianbao:mark', 'nianbao:mark:start');
      void this.tellBackground();
    } catch {
      // never let a page we cannot read break the page: the popup will say it could not be read
      this.analysis = null;
    }
  }

  private async tellBackground() {
    const r = this.analysis?.report;
    const msg: Message = { type: 'report-summary', errors: r?.summary.errors ?? 0, warnings: r?.summary.warnings ?? 0, status: r?.status ?? 'idle' };
    try {
      await browser.runtime.sendMessage(msg);
    } catch {
      // the extension was reloaded: nothing to tell
    }
  }

  private mountOverlay() {
    this.host = this.doc.createElement(HOST_TAG);
    this.host.setAttribute('style', 'all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; width: 0; height: 0;');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.shadow.appendChild(style);
    this.shadow.appendChild(this.doc.createElement('div'));
    this.doc.documentElement.appendChild(this.host);
    const on = (type: string, fn: EventListener) => {
      this.doc.addEventListener(type, fn, true);
      this.listeners.push([type, fn]);
    };
    const show = (e: Event) => {
      const el = (e.target as Element | null)?.closest?.(`[${RULE_ATTR}]`);
      const indexes = el && this.marks?.byElement.get(el);
      if (!el || !indexes) return;
      const rect = el.getBoundingClientRect();
      const x = Math.max(8, Math.min(rect.left, window.innerWidth - 390));
      const y = rect.bottom + 6 + 120 > window.innerHeight ? Math.max(8, rect.top - 126) : rect.bottom + 6;
      this.tooltip = { findings: indexes, x, y };
      this.renderOverlay();
    };
    const hide = (e: Event) => {
      if (!(e.target as Element | null)?.closest?.(`[${RULE_ATTR}]`)) return;
      this.tooltip = null;
      this.renderOverlay();
    };
    on('mouseover', show);
    on('focusin', show);
    on('mouseout', hide);
    on('focusout', hide);
    this.renderOverlay();
  }

  private renderOverlay() {
    const report = this.analysis?.report;
    const mount = this.shadow?.lastChild as Element | undefined;
    if (!report || !mount || !this.marks) return;
    const marked = report.findings.map((f, i) => (marksCells(f) ? i : -1)).filter((i) => i >= 0);
    render(h(Overlay, { report, lang: this.lang, marked, tooltip: this.tooltip, onFocus: (i: number) => this.focus(i), onClear: () => this.clear(true) }), mount);
  }

  focus(index: number): boolean {
    const el = this.marks?.byFinding.get(index)?.[0];
    if (!el) return false;
    flash(el);
    return true;
  }

  /** Removes every mark and our overlay; the page is as it was. */
  clear(tell = false) {
    this.marks?.clear();
    this.marks = null;
    for (const [type, fn] of this.listeners) this.doc.removeEventListener(type, fn, true);
    this.listeners = [];
    if (this.shadow?.lastChild) render(null, this.shadow.lastChild as Element);
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.tooltip = null;
    if (tell) void this.tellBackground();
  }

  setLang(lang: Lang) {
    this.lang = lang;
    this.renderOverlay();
  }

  response(): ReportResponse {
    const report = this.analysis?.report ?? null;
    return {
      url: location.href,
      report,
      marked: this.marks?.byElement.size ?? 0,
      ...(report ? {} : { skipped: { zh: '页面标题和表格都不像政府信息公开工作年度报告，因此未读取。', en: 'Neither the title nor the tables look like an annual report, so the page was not read.' } }),
    };
  }

  async handle(msg: Message): Promise<ReportResponse | boolean> {
    switch (msg.type) {
      case 'get-report':
        if (this.pending) await this.pending;
        return this.response();
      case 'check-anyway':
        await this.run();
        return this.response();
      case 'focus-finding':
        return this.focus(msg.index);
      case 'clear-marks':
        this.clear(true);
        return true;
      case 'set-lang':
        this.setLang(msg.lang);
        return true;
      default:
        return false;
    }
  }
}
