import { h, render } from 'preact';
import { Overlay, OVERLAY_CSS } from '../../components/Overlay';
import type { Analysis } from '../../lib/analyze';
import { marksCells } from '../../lib/findings';
import { LANG_KEY, type Lang, type Message, type ReportResponse } from '../../lib/messages';
import { analyzeDom } from '../../lib/read';
import { browserDom } from '../../lib/source/browser-dom';
import { looksLikeReport, pageOrgan, pageTitle, reportRoot } from './detect';
import { applyMarks, flash, RULE_ATTR, type MarkSet } from './marks';

const HOST_TAG = 'nianbao-check-ui';
const LATE_CONTENT_MS = 10_000;

interface Ctx {
  isInvalid: boolean;
  onInvalidated(cb: () => void): void;
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
      const organ = pageOrgan(this.doc);
      this.analysis = await analyzeDom(location.href, browserDom, body, { title: pageTitle(this.doc), organ }, { convert: convertInBackground, findRoot: false });
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
