import type { Report } from './model';

export type Lang = 'zh' | 'en';

/** What the popup asks the content script, and what the content script tells the background. */
export type Message =
  | { type: 'get-report' }
  | { type: 'check-anyway' }
  | { type: 'focus-finding'; index: number }
  | { type: 'clear-marks' }
  | { type: 'set-lang'; lang: Lang }
  | { type: 'report-summary'; errors: number; warnings: number; status: Report['status'] | 'idle' };

export interface ReportResponse {
  url: string;
  /** null while the page has not been read (not detected as a report) */
  report: Report | null;
  /** why the page was not read, when report is null */
  skipped?: { zh: string; en: string };
  marked: number;
}

export const LANG_KEY = 'nianbao-lang';
