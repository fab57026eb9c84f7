import type { AnalyzeResult, Lang } from '../../lib/messages';

/** What the marking module (loaded only on report pages) gives the content script. */
export interface MarkerApi {
  show(doc: Document, result: AnalyzeResult, elements: ArrayLike<Element>, lang: Lang, onClear: () => void): MarkView;
}

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

export const MARKER_GLOBAL = '__nianbaoMarker';
