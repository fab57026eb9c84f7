import { h, render } from 'preact';
import { Overlay, OVERLAY_CSS } from '../../components/Overlay';
import { marksCells } from '../../lib/findings';
import {
  LANG_KEY,
  type AnalyzeResult,
  type BackgroundMessage,
  type Bilingual,
  type Lang,
  type ReportResponse,
  type TabMessage,
  type TabResponse,
} from '../../lib/messages';
import type { Report } from '../../lib/model';
import { textSignature } from '../../lib/page/mark-plan';
import { applyMarks, flash, RULE_ATTR, type MarkSet } from './marks';
import { looksLikeReport, pageForReading } from './page';

const HOST_TAG = 'nianbao-check-ui';
const LATE_CONTENT_MS = 10_000;
const RECHECK_DELAY_MS = 500;

interface Ctx {
  isInvalid: boolean;
  onInvalidated(cb: () => void): void;
}

const NOT_DETECTED: Bilingual = {
  zh: '页面标题和表格都不像政府信息公开工作年度报告，因此未读取。',
  en: 'Neither the title nor the tables look like an annual report, so the page was not read.',
};
const tooLarge = (chars: number): Bilingual => ({
  zh: `报告部分的网页代码过大（${(chars / 1e6).toFixed(1)} MB），无法在此检查。可保存网页后用命令行工具检查。`,
  en: `The report's part of the page is too large to check here (${(chars / 1e6).toFixed(1)} MB of markup). Save the page and use the command line.`,
});
const READER_UNAVAILABLE: Bilingual = {
  zh: '扩展的后台读取程序没有响应（已重试一次）。请刷新页面后再试。',
  en: 'The extension’s reader did not answer (tried twice). Reload the page and try again.',
};

/** Runs `fn` under a performance measure `nianbao:NAME`: the tests and the bench see what ran, and how often. */
function measured<T>(name: string, fn: () => T): T {
  performance.mark(`nianbao:${name}:start`);
  try {
    return fn();
  } finally {
    performance.measure(`nianbao:${name}`, `nianbao:${name}:start`);
  }
}

/** Asks the background worker; it may be asleep (sending wakes it) or killed mid-request: one retry. */
async function askBackground(msg: Extract<BackgroundMessage, { type: 'analyze' }>): Promise<AnalyzeResult | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const result = (await browser.runtime.sendMessage(msg)) as AnalyzeResult | undefined;
      if (result?.report) return result;
    } catch {
      // the worker stopped before it answered: try again once
    }
  }
  return null;
}

/** One page's state: the report the background read, the marks on the page, the overlay. */
export class Session {
  private report: Report | null = null;
  private skipped: { because: NonNullable<ReportResponse['skippedBecause']>; reason: Bilingual } = { because: 'not-detected', reason: NOT_DETECTED };
  private marks: MarkSet | null = null;
  private unplaced = 0;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private lang: Lang = 'zh';
  private tooltip: { findings: number[]; x: number; y: number } | null = null;
  private pending: Promise<void> | null = null;
  private listeners: [string, EventListener][] = [];

  constructor(
    private doc: Document,
    private ctx: Ctx,
  ) {}

  /** On a gov.cn page: read it if it looks like a report, else watch a little while for late content. */
  start(): void {
    if (measured('detect', () => looksLikeReport(this.doc))) void this.run();
    else this.watchForLateContent();
  }

  /**
   * Some CMSs fill the article after load: look again when the page changes, at most twice a
   * second and for ten seconds only, so a page that never stops changing costs next to nothing.
   */
  private watchForLateContent() {
    let observer: MutationObserver | null = null;
    let scheduled = 0;
    const stop = () => {
      observer?.disconnect();
      observer = null;
      clearTimeout(scheduled);
    };
    const recheck = () => {
      scheduled = 0;
      if (this.ctx.isInvalid) return stop();
      if (measured('recheck', () => looksLikeReport(this.doc))) {
        stop();
        void this.run();
      }
    };
    try {
      observer = new MutationObserver(() => {
        scheduled ||= window.setTimeout(recheck, RECHECK_DELAY_MS);
      });
      observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    } catch {
      return;
    }
    window.setTimeout(stop, LATE_CONTENT_MS);
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
      this.report = null;
      const page = pageForReading(this.doc);
      if ('tooLarge' in page) {
        this.skipped = { because: 'too-large', reason: tooLarge(page.tooLarge) };
        return;
      }
      performance.mark('nianbao:analyze:start');
      const [result] = await Promise.all([askBackground({ type: 'analyze', url: location.href, content: page.content }), this.loadLang()]);
      performance.measure('nianbao:analyze', 'nianbao:analyze:start');
      if (!result) {
        this.skipped = { because: 'reader-unavailable', reason: READER_UNAVAILABLE };
        return;
      }
      this.report = result.report;
      if (result.report.status === 'checked') measured('mark', () => this.showMarks(result, page.elements()));
    } catch {
      // never let a page we cannot read break the page: the popup says it could not be read
      this.report = null;
      this.skipped = { because: 'reader-unavailable', reason: READER_UNAVAILABLE };
    } finally {
      void this.tellBackground();
    }
  }

  private async loadLang() {
    try {
      const stored = await browser.storage.local.get(LANG_KEY);
      this.lang = stored[LANG_KEY] === 'en' ? 'en' : 'zh';
    } catch {
      // storage unavailable: stay in Chinese
    }
  }

  /** Marks the elements the reader named, each only if it is still the element the reader saw. */
  private showMarks(result: AnalyzeResult, elements: ArrayLike<Element>) {
    const placed: { el: Element; findings: number[]; severity: 'error' | 'warning' }[] = [];
    this.unplaced = 0;
    for (const mark of result.marks) {
      const el = elements[mark.index];
      if (el && el.localName === mark.tag && textSignature(el.textContent ?? '') === mark.text) placed.push({ el, findings: mark.findings, severity: mark.severity });
      else this.unplaced++;
    }
    this.marks = applyMarks(this.doc, placed, result.report.findings);
    this.mountOverlay();
  }

  private async tellBackground() {
    const r = this.report;
    const msg: BackgroundMessage = { type: 'report-summary', errors: r?.summary.errors ?? 0, warnings: r?.summary.warnings ?? 0, status: r?.status ?? 'idle' };
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
    const report = this.report;
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

  response(): ReportResponse {
    const report = this.report;
    return {
      url: location.href,
      report,
      marked: this.marks?.byElement.size ?? 0,
      ...(this.unplaced ? { unplaced: this.unplaced } : {}),
      ...(report ? {} : { skipped: this.skipped.reason, skippedBecause: this.skipped.because }),
    };
  }

  async handle(msg: TabMessage): Promise<TabResponse<TabMessage['type']>> {
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
        this.lang = msg.lang;
        this.renderOverlay();
        return true;
    }
  }
}
