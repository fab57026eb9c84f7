// Everything the CLI, the background worker and the tests use.
export { analyzePage, uncheckedReport, VERSION } from './analyze';
export type { Analysis, AnalyzeOptions, PageInput } from './analyze';
export { convertLocally } from './text/t2s';
export { analyzeDom, analyzeText } from './read';
export type { ConvertMany, DomHints, ReadOptions } from './read';
export { Report, Finding } from './model';
export { RULES } from './checks/index';
export { cellName } from './checks/names';
export { FORMATS, cellsOf } from './format/layouts';
export type { DomAdapter } from './source/html';
