import type { Report } from './model';
import type { CellMark } from './page/mark-plan';

export type Lang = 'zh' | 'en';
export type Bilingual = { zh: string; en: string };

/** What a content script sends the background to read: the report's part of the page, or a text page. */
export type PageContent = { kind: 'html'; html: string } | { kind: 'text'; text: string };

/** Every message, by receiver, with the answer it gets. One table, so both ends agree by type. */
export interface BackgroundProtocol {
  /** read and check a page (the CLI's code, in the background worker); kept in the history, paired with last year's */
  analyze: { request: { url: string; content: PageContent }; response: AnalyzeResult };
  /** the same for the page's own session: answered with what the page shows (see PageAnalysis) */
  'analyze-page': { request: { url: string; content: PageContent }; response: PageAnalysis & { lang: Lang } };
  /** the toolbar badge for the sender's tab */
  'report-summary': {
    /** `tabId`: the tab, when the popup reports a PDF it read for that tab (a page's own message needs none) */
    request: { errors: number; warnings: number; status: Report['status'] | 'idle'; tabId?: number };
    response: undefined;
  };
}

export interface TabProtocol {
  'get-report': { request: object; response: SessionResponse };
  'check-anyway': { request: object; response: SessionResponse };
  'focus-finding': { request: { index: number }; response: boolean };
  'clear-marks': { request: object; response: boolean };
  'set-lang': { request: { lang: Lang }; response: boolean };
  /** every link of the page, for "检查本页链接的全部年报" */
  'page-links': { request: object; response: { url: string; links: { text: string; href: string }[] } };
}

type MessageOf<P> = { [K in keyof P]: MessageFor<P, K> }[keyof P];
export type BackgroundMessage = MessageOf<BackgroundProtocol>;
export type TabMessage = MessageOf<TabProtocol>;
export type BackgroundResponse<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['response'];
export type TabResponse<K extends keyof TabProtocol> = TabProtocol[K]['response'];
/** One message of a protocol, with the type its key gives. */
export type MessageFor<P, K extends keyof P> = { type: K } & (P[K] extends { request: infer R } ? R : never);

export interface AnalyzeResult {
  report: Report;
  /** the page elements to mark */
  marks: CellMark[];
  /** the figures or the text differ from the history's record of this page, checked `since` */
  changed?: { since: string; figures: boolean; text: boolean };
}

/** A finding the page shows (banner list, tooltip, a figure marked in its sentence), worded in both languages. */
export interface ShownFinding {
  /** index into report.findings */
  index: number;
  rule: string;
  severity: 'error' | 'warning';
  message: Bilingual;
  /** the cells it involves, named (`涉及：表三「…」…`), when more than one */
  involved: Bilingual | null;
  /** the sentence and figure the text quotes, to mark inside the sentence */
  quote?: { text: string; figure: string };
}

/** The words of the page's banner, in one language. */
export interface BannerWords {
  title: string;
  summary: string;
  expand: string;
  collapse: string;
  clear: string;
  close: string;
}

/**
 * What the page's session gets for a reading: what it shows, made ready in the background, and the
 * report as JSON text that only the popup parses.
 */
export interface PageAnalysis {
  status: Report['status'];
  summary: Report['summary'];
  words: Record<Lang, BannerWords>;
  shown: ShownFinding[];
  marks: CellMark[];
  reportJson: string;
  changed?: AnalyzeResult['changed'];
}

/** What the page's session answers the popup: a ReportResponse whose report is still JSON text. */
export type SessionResponse = Omit<ReportResponse, 'report'> & { reportJson: string | null };

/** The popup's side of a session's answer: the report parsed. */
export const reportResponseOf = ({ reportJson, ...rest }: SessionResponse): ReportResponse => ({
  ...rest,
  report: reportJson === null ? null : (JSON.parse(reportJson) as Report),
});

export interface ReportResponse {
  url: string;
  /** null while the page has not been read */
  report: Report | null;
  /** why the page was not read, when report is null */
  skipped?: Bilingual;
  skippedBecause?: 'not-detected' | 'not-examined' | 'too-large' | 'reader-unavailable';
  /** elements marked on the page */
  marked: number;
  /** marks the reader asked for that could not be placed on the page (it changed, or its markup does not round-trip) */
  unplaced?: number;
  /** the page changed since the history's earlier check */
  changed?: AnalyzeResult['changed'];
}

export const LANG_KEY = 'nianbao-lang';
/** the user's pairing choices: page URL → the previous-year report's URL it is compared with, or null for none */
export const PAIRING_KEY = 'nianbao-pairing';

/** The sites the content script runs on by itself. */
export const GOV_MATCH = '*://*.gov.cn/*';
export const isGovHost = (hostname: string) => /(^|\.)gov\.cn$/i.test(hostname);

/** Markup over this size is not sent to the reader: the popup says it is too large to check here. */
export const MAX_MARKUP_CHARS = 3_000_000;
