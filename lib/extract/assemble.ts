import { FORMATS, type FormatId } from '../format/layouts';
import type { Token } from '../source/tokens';
import { type Diagnostic, type ExtractedCell, unreadableCell } from './cells';
import { rowKeys } from './placement';
import { findRegions } from './regions';
import { TableReader } from './table-reader';

export type { CellState, Diagnostic, DiagnosticCode, ExtractedCell } from './cells';
export { distrustContradictedSplits } from './distrust';

export interface Extraction<Ref> {
  cells: Map<string, ExtractedCell<Ref>>;
  diagnostics: Diagnostic[];
}

/**
 * A text dump that prints zeros (`0`, or a row run together as `0000000`) writes every cell, so
 * its run-together rows lost no blank cells. In a page's markup, cells run together only when the
 * markup is broken, and blank cells vanish with it.
 */
export function zerosArePrinted(tokens: Token[]): boolean {
  return tokens.some((t) => t.value?.kind === 'number' && /^0+$/.test(t.text.trim()));
}

/** Every cell of the format, read from the page's tokens: each table from its heading to the next table's. */
export function extractCells<Ref>(tokens: Token<Ref>[], formatId: FormatId, blanksMayVanish = true): Extraction<Ref> {
  const regions = findRegions(tokens as Token[]);
  const starts = Object.values(regions).filter((s) => s >= 0);
  const endOf = (start: number) => Math.min(tokens.length, ...starts.filter((s) => s > start));
  const cells = new Map<string, ExtractedCell<Ref>>();
  const diagnostics: Diagnostic[] = [];
  for (const table of FORMATS[formatId].tables) {
    const keys = table.rows.flatMap((row) => rowKeys(table, row));
    const start = regions[table.id];
    if (start < 0) {
      for (const key of keys) cells.set(key, unreadableCell(key, 'table-missing', 'table not found'));
      diagnostics.push({
        code: 'table-missing',
        message: { zh: `找不到${table.zh}`, en: `${table.en} not found` },
        cells: keys,
      });
      continue;
    }
    const reader = new TableReader<Ref>(table, formatId, blanksMayVanish);
    const slice = tokens.slice(start, endOf(start));
    if (table.id === 't4') reader.readSingleRow(slice);
    else reader.readRows(slice);
    for (const key of keys) {
      cells.set(key, reader.cells.get(key) ?? unreadableCell(key, 'not-found', 'not found'));
    }
    diagnostics.push(...reader.diagnostics);
  }
  return { cells, diagnostics };
}
