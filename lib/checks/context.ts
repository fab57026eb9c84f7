import type { ReadCell } from '../extract/assemble';
import type { FormatId } from '../format/layouts';
import type { Finding, RuleId, Severity } from '../model';

export interface CheckContext {
  format: FormatId;
  year: number | null;
  organ: string | null;
  cells: ReadonlyMap<string, ReadCell>;
  /** the report's text before its tables (sections 一 and the preamble) */
  narrative: string;
  /** the same body's report of the previous year, when one is passed in */
  previous?: { year: number | null; format: FormatId; cells: ReadonlyMap<string, ReadCell> };
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  title: { zh: string; en: string };
  run(ctx: CheckContext): Finding[];
}

/** Chinese name of a cell for messages: `表三·（七）总计·总计`. */
export type CellNamer = (key: string, lang: 'zh' | 'en') => string;
