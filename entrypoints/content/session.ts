import type {
  BackgroundMessage,
  BackgroundResponse,
  Bilingual,
  Lang,
  PageAnalysis,
  ReportResponse,
  SessionResponse,
  TabMessage,
  TabResponse,
} from '../../lib/messages';
import { DETECTOR_RAN } from '../../lib/page-ids';
import { type MarkView, showMarks } from './mark-view';
import { pageForReading } from './page';
import { counted } from './counted';

type Skipped = { because: NonNullable<ReportResponse['skippedBecause']>; reason: Bilingual };

const NOT_DETECTED: Skipped = {
  because: 'not-detected',
  reason: {
    zh: '页面标题和表格都不像政府信息公开工作年度报告，因此未读取。',
    en: 'Neither the title nor the tables look like an annual report, so the page was not read.',
  },
};
const NOT_EXAMINED: Skipped = {
  because: 'not-examined',
  reason: {
    zh: '此页打开于扩展安装或更新之前，尚未检查。请刷新页面，或点击“仍然检查此页”。',
    en: 'This page was opened before the extension was installed or updated, and was not looked at. Reload it, or check it anyway.',
  },
};
const tooLarge = (chars: number): Skipped => ({
  because: 'too-large',
  reason: {
    zh: `报告部分的网页代码过大（${(chars / 1e6).toFixed(1)} MB），无法在此检查。可保存网页后用命令行工具检查。`,
    en: `The report's part of the page is too large to check here (${(chars / 1e6).toFixed(1)} MB of markup). Save the page and use the command line.`,
  },
});
const READER_UNAVAILABLE: Skipped = {
  because: 'reader-unavailable',
  reason: {
    zh: '扩展的后台读取程序没有响应（已重试两次）。请刷新页面后再试。',
    en: 'The extension’s reader did not answer (tried three times). Reload the page and try again.',
  },
};

/**
 * How long each ask may take before it is asked again: the reader answers a normal page in a tenth of
 * a second and the largest it accepts in seconds; a message that reached a worker as it stopped is
 * never answered.
 */
const ANSWER_WITHIN_MS = [3_000, 10_000, 30_000];
const RETRY_AFTER_MS = 400;

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

type Answer = BackgroundResponse<'analyze-page'>;

/**
 * Asks the background worker. It may be asleep (sending wakes it), or stopping or stopped mid-request
 * (the message is lost or the answer never comes): asked again, a little later each time.
 */
async function askBackground(msg: Extract<BackgroundMessage, { type: 'analyze-page' }>): Promise<Answer | null> {
  for (const [attempt, within] of ANSWER_WITHIN_MS.entries()) {
    if (attempt) await pause(RETRY_AFTER_MS * attempt);
    try {
      const result = (await Promise.race([browser.runtime.sendMessage(msg), pause(within).then(() => undefined)])) as
        | Answer
        | undefined;
      if (result?.reportJson) return result;
    } catch {
      // the worker stopped before it answered: try again
    }
  }
  return null;
}

/**
 * One page: sends the report's markup to the background (which reads and checks it with the CLI's
 * code), shows the marks it gets back, and answers the popup.
 */
export class Session {
  private analysis: PageAnalysis | null = null;
  private skipped: Skipped = (globalThis as Record<string, unknown>)[DETECTOR_RAN] ? NOT_DETECTED : NOT_EXAMINED;
  private view: MarkView | null = null;
  private lang: Lang = 'zh';
  private pending: Promise<void> | null = null;

  constructor(private doc: Document) {}

  /** Reads, checks and marks the page. Safe to call again: the old marks go first. */
  run(): Promise<void> {
    this.pending ??= this.runOnce().finally(() => (this.pending = null));
    return this.pending;
  }

  private async runOnce() {
    try {
      this.clear();
      this.analysis = null;
      const page = pageForReading(this.doc);
      if ('tooLarge' in page) {
        this.skipped = tooLarge(page.tooLarge);
        return;
      }
      const result = await askBackground({ type: 'analyze-page', url: location.href, content: page.content });
      counted('analyze');
      if (!result) {
        this.skipped = READER_UNAVAILABLE;
        return;
      }
      this.analysis = result;
      this.lang = result.lang;
      if (result.status !== 'checked' || !browser.runtime?.id) return;
      this.view = showMarks(this.doc, result, page.elementAt, this.lang, () => this.clear(true));
    } catch {
      // never let a page we cannot read break the page: the popup says it could not be read
      this.analysis = null;
      this.skipped = READER_UNAVAILABLE;
    } finally {
      // the background set the badge with its answer; without one, the badge is cleared
      if (!this.analysis) void this.tellBackground();
    }
  }

  private async tellBackground() {
    const r = this.analysis;
    const msg: BackgroundMessage = {
      type: 'report-summary',
      errors: r?.summary.errors ?? 0,
      warnings: r?.summary.warnings ?? 0,
      status: r?.status ?? 'idle',
    };
    try {
      await browser.runtime.sendMessage(msg);
    } catch {
      // the extension was reloaded: nothing to tell
    }
  }

  /** Removes every mark and the banner; the page is as it was. */
  clear(tell = false) {
    this.view?.clear();
    this.view = null;
    if (tell) void this.tellBackground();
  }

  /** The popup's answer; the report stays JSON text until the popup parses it (reportResponseOf). */
  response(): SessionResponse {
    const read = this.analysis;
    return {
      url: location.href,
      reportJson: read?.reportJson ?? null,
      marked: this.view?.marked ?? 0,
      ...(this.view?.unplaced ? { unplaced: this.view.unplaced } : {}),
      ...(read?.changed ? { changed: read.changed } : {}),
      ...(read ? {} : { skipped: this.skipped.reason, skippedBecause: this.skipped.because }),
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
        return this.view?.focus(msg.index) ?? false;
      case 'clear-marks':
        this.clear(true);
        return true;
      case 'set-lang':
        this.lang = msg.lang;
        this.view?.setLang(msg.lang);
        return true;
      case 'page-links':
        return {
          url: location.href,
          links: Array.from(this.doc.links, (a) => ({ text: a.textContent ?? '', href: a.href })).slice(0, 5000),
        };
    }
  }
}
