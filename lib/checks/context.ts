import type { ExtractedCell } from '../extract/assemble';
import type { FormatId } from '../format/layouts';
import type { Finding, RuleId } from '../model';

export interface CheckContext {
  format: FormatId;
  year: number | null;
  organ: string | null;
  cells: ReadonlyMap<string, ExtractedCell>;
  /** the report's text before its tables (sections 一 and the preamble) */
  narrative: string;
  /** the same body's report of the previous year, when one is passed in */
  previous?: { year: number | null; format: FormatId; cells: ReadonlyMap<string, ExtractedCell> };
}

/** A check: `run` returns one finding per instance it checks (passing ones too). */
export interface Rule {
  id: RuleId;
  run(ctx: CheckContext): Finding[];
}
