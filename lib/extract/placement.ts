import { cellKey, type FormatId, type RowDef, type TableDef } from '../format/layouts';
import { holds, relationsWithin } from '../format/relations';
import { splitPacked } from '../source/packed';
import type { Token } from '../source/tokens';
import { type Diagnostic, type ExtractedCell, unreadableCell } from './cells';
import { joinSplitFigures, type RowFit } from './join-split';

/** What placing a row needs to know of its table. */
export interface TableContext {
  table: TableDef;
  format: FormatId;
  /** whether blank cells may have vanished from run-together digits (see splitPacked) */
  blanksMayVanish: boolean;
}

/** The cells a row's values become, and what is worth saying about how. Pure: nothing is set until applied. */
export interface Placement<Ref> {
  cells: ExtractedCell<Ref>[];
  diagnostics: Diagnostic[];
}

type Reason = { zh: string; en: string };

export const rowKeys = (table: TableDef, row: RowDef) => row.columns.map((c) => cellKey(table, row, c));
const rowName = (ctx: TableContext, row: RowDef, lang: 'zh' | 'en') => row[lang] || ctx.table[lang];
export const isBlank = (t: Token) => t.value?.kind === 'blank';

/** Drops blank cells off the end while there are more than n: an empty column after the data. */
export function trimBlanks<T extends Token>(values: T[], n: number): T[] {
  let vals = values;
  while (vals.length > n && isBlank(vals[vals.length - 1])) vals = vals.slice(0, -1);
  return vals;
}

/** The relations within a row (its total; table 四's group totals), as a test on its values in column order. */
const fits = new Map<string, WeakMap<RowDef, { fit: RowFit; rule: string } | undefined>>();

export function rowFit(ctx: TableContext, row: RowDef): { fit: RowFit; rule: string } | undefined {
  let byRow = fits.get(ctx.format);
  if (!byRow) fits.set(ctx.format, (byRow = new WeakMap()));
  if (!byRow.has(row)) byRow.set(row, buildRowFit(ctx, row));
  return byRow.get(row);
}

function buildRowFit(ctx: TableContext, row: RowDef): { fit: RowFit; rule: string } | undefined {
  const keys = rowKeys(ctx.table, row);
  const relations = relationsWithin(ctx.format, keys);
  if (!relations.length) return undefined;
  const at = new Map(keys.map((k, i) => [k, i]));
  return { rule: relations[0].rule, fit: (values) => relations.every((r) => holds(r, (k) => values[at.get(k)!])) };
}

/** A cell as one token printed it. */
export function cellOf<Ref>(key: string, token: Token<Ref>): ExtractedCell<Ref> {
  const reading = token.value!;
  const at = { key, text: token.text, ref: token.ref, loc: token.loc };
  if (reading.kind === 'number')
    return { ...at, value: reading.value, state: 'number', ...(reading.unit ? { unit: reading.unit } : {}) };
  if (reading.kind === 'blank') return { ...at, value: null, state: 'blank' };
  return { ...at, value: null, state: 'unreadable', unreadable: reading.code, reason: reading.reason };
}

/** Every cell of a row unreadable, and why. */
export function unreadableRow<Ref>(ctx: TableContext, row: RowDef, reason: Reason, at?: Token<Ref>): Placement<Ref> {
  const keys = rowKeys(ctx.table, row);
  return {
    cells: keys.map((key) => unreadableCell(key, 'row-unreadable', reason.en, at)),
    diagnostics: [
      {
        code: 'row-unreadable',
        message: { zh: `${rowName(ctx, row, 'zh')}：${reason.zh}`, en: `${rowName(ctx, row, 'en')}: ${reason.en}` },
        cells: keys,
        ...(at?.loc ? { loc: at.loc } : {}),
      },
    ],
  };
}

/** A row's value tokens fitted to its columns: one token a cell, or a run of digits split; null when they do not fit. */
export function placeRow<Ref>(ctx: TableContext, row: RowDef, values: Token<Ref>[]): Placement<Ref> | null {
  const n = row.columns.length;
  let vals = trimBlanks(values, n);
  while (vals.length > n && isBlank(vals[0])) vals = vals.slice(1);
  // In flat text a run such as `3-1` is two cells run together, not one: counting tokens cannot place it.
  const packedAmongFlat = vals.some(
    (v) => v.row === null && v.value?.kind === 'unreadable' && /^[\d.,\-\s]+$/.test(v.text),
  );
  // digits glued to a label are a row run together: they are split, never counted as cells
  const glued = n > 1 && vals.some((v) => v.glued);
  if (vals.length === n && !packedAmongFlat && !glued) {
    const keys = rowKeys(ctx.table, row);
    return { cells: vals.map((token, i) => cellOf(keys[i], token)), diagnostics: [] };
  }
  return placeRunTogether(ctx, row, vals);
}

const isDigitRun = (t: Token) => t.value?.kind === 'number' && /^[\d.,\-\s]+(万元|元)?$/.test(t.text.normalize('NFKC'));

/**
 * Fewer pieces than columns: digits run together. Several pieces only in flat text (a crawler's
 * spaces) and only where the row's total can confirm the split; in a real table row a missing cell
 * is lost, not packed.
 */
function placeRunTogether<Ref>(ctx: TableContext, row: RowDef, vals: Token<Ref>[]): Placement<Ref> | null {
  const n = row.columns.length;
  const fit = rowFit(ctx, row);
  const piecesMayPack = vals.length === 1 || (!!fit && vals.every((v) => v.row === null));
  if (vals.length < 1 || vals.length >= n || !piecesMayPack || !vals.every(isDigitRun)) return null;
  if (!vals.some((v) => v.text.replace(/\D/g, '').length > 1)) return null;
  const result = splitPacked(
    vals.map((v) => v.text),
    row.columns,
    fit?.fit,
    ctx.blanksMayVanish,
  );
  if (result.solutions === 0) return null;
  const token = vals[0];
  const runText = vals.map((v) => v.text).join(' ');
  const keys = rowKeys(ctx.table, row);
  const cells = result.values.map(
    (value, i): ExtractedCell<Ref> => ({
      key: keys[i],
      value,
      state: value === null ? 'unreadable' : 'number',
      text: runText,
      ref: token.ref,
      loc: token.loc,
      ...(fit ? { derivedBy: fit.rule } : {}),
      ...(value === null
        ? { unreadable: 'ambiguous-split' as const, reason: 'run-together digits can be split in more than one way' }
        : {}),
    }),
  );
  const unresolved = keys.filter((_, i) => result.values[i] === null);
  const zh = `${rowName(ctx, row, 'zh')}：数字连写“${runText}”，${fit ? '按本行合计' : ''}拆分${unresolved.length ? `，${unresolved.length} 格无法唯一确定，记为无法读取` : ''}`;
  const en = `${rowName(ctx, row, 'en')}: run-together digits "${runText}" split${fit ? ' using the row total' : ''}${unresolved.length ? `; ${unresolved.length} cells ambiguous, left unreadable` : ''}`;
  return {
    cells,
    diagnostics: [
      { code: 'packed-split', message: { zh, en }, cells: unresolved.length ? unresolved : keys, loc: token.loc },
    ],
  };
}

/** Whether a flat row with more numbers than columns is a figure printed in pieces (fewer extra numbers than a row holds, and a total to check by). */
export const mayHoldSplitFigures = (ctx: TableContext, row: RowDef, count: number) =>
  count > row.columns.length && count - row.columns.length < row.columns.length && !!rowFit(ctx, row);

/** A flat row with more numbers than columns: joined back where the row's total singles out one way, else unreadable. */
export function placeSplitFigures<Ref>(ctx: TableContext, row: RowDef, values: Token<Ref>[]): Placement<Ref> {
  const fit = rowFit(ctx, row)!;
  const joined = joinSplitFigures(values as Token[], row.columns.length, fit.fit);
  if (!joined) {
    return unreadableRow(
      ctx,
      row,
      {
        zh: `本行有 ${values.length} 个数字，多于 ${row.columns.length} 列，且无法由本行合计唯一确定哪些数字属于同一格`,
        en: `the row has ${values.length} numbers for ${row.columns.length} columns, and its total does not single out which pieces belong together`,
      },
      values[0],
    );
  }
  const keys = rowKeys(ctx.table, row);
  const groups = joined.groups as Token<Ref>[][];
  const cells = groups.map((group, i): ExtractedCell<Ref> => {
    const value = joined.values[i];
    const text = group.map((t) => t.text.trim()).join(' ');
    return {
      key: keys[i],
      value,
      state: value === null ? 'blank' : 'number',
      text,
      ref: group[0].ref,
      loc: group[0].loc,
      ...(group.length > 1 ? { derivedBy: fit.rule } : {}),
    };
  });
  const rejoined = groups.filter((g) => g.length > 1).map((g) => g.map((t) => t.text.trim()).join(' '));
  const zh = `${rowName(ctx, row, 'zh')}：数字“${rejoined.join('”“')}”被拆成两段，按本行合计唯一地拼回`;
  const en = `${rowName(ctx, row, 'en')}: figure(s) "${rejoined.join('", "')}" printed in two pieces; rejoined, the only way the row total holds`;
  return {
    cells,
    diagnostics: [
      {
        code: 'figure-joined',
        message: { zh, en },
        cells: keys.filter((_, i) => groups[i].length > 1),
        loc: values[0].loc,
      },
    ],
  };
}
