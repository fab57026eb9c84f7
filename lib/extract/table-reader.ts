import type { FormatId, RowDef, TableDef } from '../format/layouts';
import type { Token } from '../source/tokens';
import { notANumber } from '../text/normalize';
import type { Diagnostic, ExtractedCell } from './cells';
import {
  isBlank,
  mayHoldSplitFigures,
  placeRow,
  placeSplitFigures,
  rowKeys,
  trimBlanks,
  unreadableRow,
  type Placement,
  type TableContext,
} from './placement';
import { entriesOf, isRowMode, labelFits, matchRow, type Entry } from './rows';

type Reason = { zh: string; en: string };

/** Reads one table's rows from its slice of the token stream: anchors by label, the rest by position. */
export class TableReader<Ref> {
  readonly cells = new Map<string, ExtractedCell<Ref>>();
  readonly diagnostics: Diagnostic[] = [];
  private ctx: TableContext;

  constructor(table: TableDef, format: FormatId, blanksMayVanish: boolean) {
    this.ctx = { table, format, blanksMayVanish };
  }

  private apply(placement: Placement<Ref>) {
    for (const cell of placement.cells) this.cells.set(cell.key, cell);
    this.diagnostics.push(...placement.diagnostics);
  }

  private unreadable(row: RowDef, reason: Reason, at?: Token<Ref>) {
    this.apply(unreadableRow(this.ctx, row, reason, at));
  }

  private labelMissing(row: RowDef, values: Token<Ref>[]) {
    this.diagnostics.push({
      code: 'label-missing',
      message: { zh: `${row.zh}：找不到该行标签，按位置读取`, en: `${row.en}: row label not found; read by position` },
      cells: rowKeys(this.ctx.table, row),
      loc: values[0]?.loc,
    });
  }

  /** Floating entries (no label, or a label that names no row) go to the rows between two anchors by position. */
  private placeGap(rows: RowDef[], floating: Entry<Ref>[]) {
    const { table } = this.ctx;
    const withValues = floating.filter((e) => e.values.some((v) => !isBlank(v)) || e.labels.length > 0);
    // values that ran over a row's end and that no row takes: that row was misread
    const misread = (reason: Reason) => {
      for (const e of floating) if (e.overflowOf) this.unreadable(e.overflowOf, reason, e.values[0]);
    };
    if (rows.length === 0) {
      const stray = withValues.filter((e) => e.values.some((v) => !isBlank(v)));
      misread({
        zh: '本行数字多于列数，多出的数字不属于其他行，无法确定对应列',
        en: 'the row has more numbers than columns and the extra ones belong to no other row; columns cannot be told apart',
      });
      if (stray.length) {
        this.diagnostics.push({
          code: 'values-unplaced',
          message: {
            zh: `${table.zh}：有 ${stray.length} 组数字不属于任何一行，已忽略`,
            en: `${table.en}: ${stray.length} group(s) of numbers belong to no row; ignored`,
          },
          cells: [],
          loc: stray[0].values[0]?.loc,
        });
      }
      return;
    }
    // one entry a row, in order, each fitting its row
    if (withValues.length === rows.length) {
      const placements = rows.map((row, i) =>
        labelFits(withValues[i], row) ? placeRow(this.ctx, row, withValues[i].values) : null,
      );
      if (placements.every((p) => p !== null)) {
        rows.forEach((row, i) => {
          this.apply(placements[i]!);
          this.labelMissing(row, withValues[i].values);
        });
        return;
      }
    }
    // flattened text: exactly as many values as the rows have cells
    const flat = withValues.flatMap((e) => e.values);
    const needed = rows.reduce((s, r) => s + r.columns.length, 0);
    if (flat.length > 0 && flat.every((t) => t.row === null) && flat.length === needed) {
      let at = 0;
      for (const row of rows) {
        const part = flat.slice(at, at + row.columns.length);
        at += row.columns.length;
        this.apply(
          placeRow(this.ctx, row, part) ??
            unreadableRow(this.ctx, row, { zh: '按位置无法读取', en: 'cannot be read by position' }, part[0]),
        );
        this.labelMissing(row, part);
      }
      return;
    }
    for (const row of rows)
      this.unreadable(row, { zh: '找不到该行或其数字', en: 'row or its numbers not found' }, withValues[0]?.values[0]);
    misread({
      zh: '本行数字多于列数，无法确定对应列',
      en: 'the row has more numbers than columns; columns cannot be told apart',
    });
  }

  /** Tables 二 and 三: rows found by label, rows without one placed by position between them. */
  readRows(tokens: Token<Ref>[]) {
    const rows = this.ctx.table.rows;
    const entries = entriesOf(tokens).filter((e) => e.values.length > 0);
    // 1. anchors: entries whose label names a row. In printed order first; a row printed out of
    //    order (PDF converters move them) is taken only when its values fit exactly.
    const anchorOf = new Map<Entry<Ref>, { row: number; inOrder: boolean }>();
    const filled = new Set<number>();
    let pos = 0;
    for (const entry of entries) {
      const j = matchRow(rows, entry, pos, rows.length);
      if (j >= 0) {
        anchorOf.set(entry, { row: j, inOrder: true });
        filled.add(j);
        pos = j + 1;
        continue;
      }
      const back = matchRow(rows, entry, 0, pos);
      if (back >= 0 && !filled.has(back) && entry.values.length === rows[back].columns.length) {
        anchorOf.set(entry, { row: back, inOrder: false });
        filled.add(back);
      }
    }
    // 2. read anchors; entries between two in-order anchors fill the unfilled rows between them by position
    let last = -1;
    let floating: Entry<Ref>[] = [];
    const gap = (from: number, to: number) => {
      const missing: RowDef[] = [];
      for (let j = from; j < to; j++) if (!filled.has(j)) missing.push(rows[j]);
      this.placeGap(missing, floating);
      floating = [];
    };
    for (const entry of entries) {
      const anchor = anchorOf.get(entry);
      if (!anchor) {
        floating.push(entry);
        continue;
      }
      if (anchor.inOrder) gap(last + 1, anchor.row);
      this.readAnchor(rows[anchor.row], entry, floating);
      if (anchor.inOrder) last = anchor.row;
    }
    gap(last + 1, rows.length);
  }

  /** An entry whose label names `row`; values past the row's end float on to the rows after it. */
  private readAnchor(row: RowDef, entry: Entry<Ref>, floating: Entry<Ref>[]) {
    const n = row.columns.length;
    let values = entry.values;
    if (!isRowMode(entry) && values.length > n) {
      // fewer extra numbers than a row holds: a figure split in pieces (`1 62`), never the next row's
      if (mayHoldSplitFigures(this.ctx, row, values.length)) {
        this.apply(placeSplitFigures(this.ctx, row, values));
        return;
      }
      // flattened text: values beyond this row's own belong to the rows after it (a missing label)
      floating.push({ labels: [], values: values.slice(n), overflowOf: row });
      values = values.slice(0, n);
    }
    const placement = placeRow(this.ctx, row, values);
    if (placement) return this.apply(placement);
    const nonBlank = values.filter((v) => !isBlank(v)).length;
    this.unreadable(
      row,
      {
        zh: `本行有 ${values.length} 个数字格（非空 ${nonBlank} 个），应为 ${n} 个，无法确定对应列`,
        en: `the row has ${values.length} value cells (${nonBlank} non-blank) where ${n} are expected; columns cannot be told apart`,
      },
      values[0],
    );
  }

  /** Table 四: one data row of fifteen values under a two-level header. */
  readSingleRow(tokens: Token<Ref>[]) {
    const row = this.ctx.table.rows[0];
    const n = row.columns.length;
    const start = tokens.findIndex((t) => t.value && t.value.kind !== 'blank');
    if (start < 0) return this.unreadable(row, { zh: '找不到表中数字', en: 'no numbers found in the table' });
    const firstRow = tokens[start].row;
    const values = trimBlanks(firstRow === null ? flatRun(tokens, start) : dataRow(tokens, firstRow, n), n);
    if (firstRow === null && mayHoldSplitFigures(this.ctx, row, values.length))
      return this.apply(placeSplitFigures(this.ctx, row, values));
    const placement = placeRow(this.ctx, row, values);
    if (placement) return this.apply(placement);
    this.unreadable(
      row,
      {
        zh: `找到 ${values.length} 个数字格，应为 ${n} 个`,
        en: `found ${values.length} value cells where ${n} are expected`,
      },
      values[0],
    );
  }
}

/** Flat text: the values from `start` on, up to the next label. */
function flatRun<Ref>(tokens: Token<Ref>[], start: number): Token<Ref>[] {
  const values: Token<Ref>[] = [];
  for (let i = start; i < tokens.length && tokens[i].value; i++) values.push(tokens[i]);
  return values;
}

/**
 * A table row: all its value cells, blank ones before the first number included; a data row broken
 * over several rows continues while rows hold only values.
 */
function dataRow<Ref>(tokens: Token<Ref>[], firstRow: number, n: number): Token<Ref>[] {
  const values: Token<Ref>[] = [];
  let i = tokens.findIndex((t) => t.row === firstRow);
  let currentRow = firstRow;
  while (i < tokens.length && values.length < n) {
    const rowTokens: Token<Ref>[] = [];
    while (i < tokens.length && tokens[i].row === currentRow) rowTokens.push(tokens[i++]);
    if (rowTokens.some((t) => !t.value)) {
      if (currentRow !== firstRow) break;
      // one text cell among exactly n cells: a cell that should hold a number (`若干`), not a title
      const labels = rowTokens.filter((t) => !t.value);
      if (
        labels.length === 1 &&
        rowTokens.length === n &&
        !/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{4}/.test(labels[0].text)
      ) {
        values.push(...rowTokens.map((t) => (t.value ? t : { ...t, key: '', value: notANumber(t.text) })));
        break;
      }
      // a row title in the data row itself (数量): the values after it, all in this row
      const lastLabel = rowTokens.map((t) => !t.value).lastIndexOf(true);
      values.push(...rowTokens.slice(lastLabel + 1));
      break;
    }
    values.push(...rowTokens);
    if (i >= tokens.length || tokens[i].row === null) break;
    currentRow = tokens[i].row!;
  }
  return values;
}
