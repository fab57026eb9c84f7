import type { ExtractedCell } from '../extract/assemble';
import type { Sections } from '../extract/sections';
import type { FormatId } from '../format/layouts';
import type { Finding, RuleId } from '../model';

export interface CheckContext {
  format: FormatId;
  year: number | null;
  /** the body the report is of, and what it is called on the page */
  organ: string | null;
  names?: { title: string | null; publisher: string | null; signature: string | null };
  /** the page's publication date (`2024-01-19`) and the date the report is signed (the last date in its text) */
  dates?: { published: string | null; signed: string | null };
  cells: ReadonlyMap<string, ExtractedCell>;
  /** the report's text before its tables (sections 一 and the preamble) */
  narrative: string;
  /** the report's sections, found in its whole text */
  sections?: Sections;
  /** links to documents and the number of images on the page, for a table that is neither text nor table */
  attachments?: readonly { text: string; href: string }[];
  images?: number;
  /** the same body's report of the previous year, when one is passed in */
  previous?: { year: number | null; format: FormatId; cells: ReadonlyMap<string, ExtractedCell> };
}

/** A check: `run` returns one finding per instance it checks (passing ones too). */
export interface Rule {
  id: RuleId;
  run(ctx: CheckContext): Finding[];
}

type Message = { zh: string; en: string };

/** A finding that names no cell. */
export function textFinding(
  rule: RuleId,
  status: Finding['status'],
  severity: Finding['severity'],
  message: Message,
  extra: Partial<Finding> = {},
): Finding {
  return { rule, status, severity: status === 'fail' ? severity : 'info', cells: [], message, ...extra };
}
