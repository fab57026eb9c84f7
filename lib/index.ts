// Everything the CLI, the background worker and the tests use.
export { analyzePage, uncheckedReport, VERSION } from './analyze';
export type { Analysis, AnalyzeOptions, PageInput } from './analyze';
export { convertLocally } from './text/t2s';
import { analyzeDom as readDom, analyzeText as readText, type DomHints, type ReadOptions } from './read';
import type { DomAdapter } from './source/html';
import { convertLocally } from './text/t2s';

/** analyzeText with opencc loaded in this process. */
export const analyzeText = (source: string, text: string, options: ReadOptions = {}) => readText(source, text, { convert: convertLocally, ...options });
/** analyzeDom with opencc loaded in this process. */
export const analyzeDom = <N,>(source: string, dom: DomAdapter<N>, root: N, hints: DomHints = {}, options: ReadOptions = {}) =>
  readDom(source, dom, root, hints, { convert: convertLocally, ...options });
export type { ConvertMany, DomHints, ReadOptions } from './read';
export { Report, Finding } from './model';
export { RULES } from './checks/index';
export { cellName } from './checks/names';
export { FORMATS, cellsOf } from './format/layouts';
export type { DomAdapter } from './source/html';
