import type { Diagnostic as ModelDiagnostic } from '../model';
import type { UnreadableCode } from '../text/normalize';

/** A cell's state, as the export's cellDetails holds it. */
export type CellState = 'number' | 'blank' | 'unreadable';

export interface ExtractedCell<Ref = unknown> {
  key: string;
  value: number | null;
  state: CellState;
  /** the text printed in the cell (for a run-together row: the whole run) */
  text: string;
  ref: Ref | null;
  loc: string;
  /** a check this value was derived with (a run-together row split by its total), so that check is not independent */
  derivedBy?: string;
  unit?: string;
  /** why an unreadable cell is unreadable: the code for decisions, the reason for people */
  unreadable?: UnreadableCode;
  reason?: string;
}

/** How the page was read, as the export's `diagnostics` holds it (lib/model.ts). */
export type Diagnostic = Omit<ModelDiagnostic, 'code'> & { code: DiagnosticCode };
export type DiagnosticCode =
  | 'label-missing'
  | 'row-unreadable'
  | 'table-missing'
  | 'values-unplaced'
  | 'packed-split'
  | 'figure-joined';

/** A cell that could not be read: null, with the code that decides and the reason people read. */
export function unreadableCell<Ref>(
  key: string,
  unreadable: UnreadableCode,
  reason: string,
  at?: { text: string; ref: Ref; loc: string },
): ExtractedCell<Ref> {
  return {
    key,
    value: null,
    state: 'unreadable',
    text: at?.text ?? '',
    ref: at?.ref ?? null,
    loc: at?.loc ?? '',
    unreadable,
    reason,
  };
}
