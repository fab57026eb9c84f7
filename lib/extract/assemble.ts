import { FORMATS, T3_COLUMNS, cellKey, t3ResultRows, type ColumnDef, type FormatId, type LabelPattern, type RowDef, type TableDef } from '../format/layouts';
import { splitPacked } from '../source/packed';
import type { Token } from '../source/tokens';
import { labelKey, type CellReading } from '../text/normalize';

export type CellState = 'number' | 'blank' | 'unreadable';

export interface ReadCell<Ref = unknown> {
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
  reason?: string;
}

export interface Diagnostic {
  code: 'label-missing' | 'row-unreadable' | 'table-missing' | 'values-unplaced' | 'packed-split';
  zh: string;
  en: string;
  cells: string[];
  loc?: string;
}

interface Entry<Ref> {
  labels: Token<Ref>[];
  values: Token<Ref>[];
}

/**
 * Where in the label the pattern matches (the end of its last match), or -1. A match inside one of
 * the `not` words (采购 in the header 采购项目数量) does not count; one after it (a row label run
 * together with the header before it) does.
 */
function labelPosition(pattern: LabelPattern, key: string): number {
  if (!key) return -1;
  const excluded: [number, number][] = [];
  for (const n of pattern.not ?? []) for (let i = key.indexOf(n); i >= 0; i = key.indexOf(n, i + 1)) excluded.push([i, i + n.length]);
  const free = (start: number, end: number) => !excluded.some(([a, b]) => a <= start && end <= b);
  let at = -1;
  for (const h of pattern.has ?? []) {
    for (let i = key.lastIndexOf(h); i >= 0; i = i > 0 ? key.lastIndexOf(h, i - 1) : -1) {
      if (free(i, i + h.length)) {
        at = Math.max(at, i + h.length);
        break;
      }
    }
  }
  for (const e of pattern.ends ?? []) if (key.endsWith(e) && free(key.length - e.length, key.length)) at = key.length;
  return at;
}

/** Keys to try for an entry's label: the last label token alone, then joined with the ones before it. */
function labelKeys<Ref>(entry: Entry<Ref>): string[] {
  const keys: string[] = [];
  let joined = '';
  for (let i = entry.labels.length - 1; i >= Math.max(0, entry.labels.length - 4); i--) {
    joined = entry.labels[i].key + joined;
    keys.push(joined);
  }
  return keys;
}

function entriesOf<Ref>(tokens: Token<Ref>[]): Entry<Ref>[] {
  const entries: Entry<Ref>[] = [];
  let current: Entry<Ref> | null = null;
  for (const token of tokens) {
    if (!token.value) {
      if (!token.key) continue;
      if (!current || current.values.length > 0) {
        current = { labels: [], values: [] };
        entries.push(current);
      }
      current.labels.push(token);
      continue;
    }
    const last: Token<Ref> | undefined = current?.values.at(-1) ?? current?.labels.at(-1);
    const newRow = !!last && token.row !== last.row && (token.row !== null || last.row !== null) && (current?.values.length ?? 0) > 0;
    if (!current || newRow) {
      current = { labels: [], values: [] };
      entries.push(current);
    }
    if (current.values.length === 0) {
      // A label names the values of its own row only: a label line left behind by a PDF
      // converter above a table row, or a header row above a data row, does not.
      current.labels = current.labels.filter((l) => l.row === token.row);
    }
    current.values.push(token);
  }
  return entries;
}

const isBlank = (t: Token) => t.value?.kind === 'blank';

/**
 * A row placed by position may carry a label that names no row: a piece of its own label torn by a
 * PDF converter (`行政机关不再处理其政府信息公`) fits; a label from elsewhere (`今日访问`) does not.
 */
function labelFits(entry: Entry<unknown>, row: RowDef): boolean {
  if (!entry.labels.length) return true;
  const label = entry.labels.map((l) => l.key).join('');
  const own = labelKey(row.full ?? row.zh);
  const n = Math.min(3, own.length);
  for (let i = 0; i + n <= label.length; i++) if (own.includes(label.slice(i, i + n))) return true;
  return false;
}
const isRowMode = (e: Entry<unknown>) => e.values.some((v) => v.row !== null);

/** Row relations that can single out the split of a run-together row. */
export type RowFit = (values: number[]) => boolean;

export const T3_ROW_FIT: RowFit = (v) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];
export const T4_ROW_FIT: RowFit = (v) =>
  [0, 5, 10].every((i) => v[i] + v[i + 1] + v[i + 2] + v[i + 3] === v[i + 4]);

const FIT_RULE: Record<string, { fit: RowFit; rule: string } | undefined> = {
  t3: { fit: T3_ROW_FIT, rule: 't3-row-total' },
  t4: { fit: T4_ROW_FIT, rule: 't4-group-total' },
};

class TableReader<Ref> {
  readonly cells = new Map<string, ReadCell<Ref>>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private table: TableDef,
    /** whether blank cells may have vanished from run-together digits (see splitPacked) */
    private blanksMayVanish: boolean,
  ) {}

  private keys(row: RowDef) {
    return row.columns.map((c) => cellKey(this.table, row, c));
  }

  setUnreadable(row: RowDef, reason: { zh: string; en: string }, at?: Token<Ref>) {
    const keys = this.keys(row);
    for (const key of keys) {
      this.cells.set(key, { key, value: null, state: 'unreadable', text: at?.text ?? '', ref: at?.ref ?? null, loc: at?.loc ?? '', reason: reason.en });
    }
    this.diagnostics.push({ code: 'row-unreadable', zh: `${row.zh || this.table.zh}：${reason.zh}`, en: `${row.en || this.table.en}: ${reason.en}`, cells: keys, loc: at?.loc });
  }

  /** Fits an entry's value tokens to a row; returns false when they do not fit. */
  tryPlace(row: RowDef, values: Token<Ref>[], commit: boolean): boolean {
    const n = row.columns.length;
    let vals = trimBlanks(values, n);
    while (vals.length > n && isBlank(vals[0])) vals = vals.slice(1);
    // In flat text a run such as `3-1` is two cells run together, not one: counting tokens cannot place it.
    const packedAmongFlat = vals.some((v) => v.row === null && v.value?.kind === 'unreadable' && /^[\d.,\-\s]+$/.test(v.text));
    // digits glued to a label are a row run together: they are split, never counted as cells
    const glued = n > 1 && vals.some((v) => v.glued);
    if (vals.length === n && !packedAmongFlat && !glued) {
      if (commit) vals.forEach((token, i) => this.setCell(row, row.columns[i], token));
      return true;
    }
    // Several pieces only in flat text (a crawler's spaces) and only where the row's total can
    // confirm the split; in a real table row a missing cell is lost, not packed.
    const fit = FIT_RULE[this.table.id];
    const digitRuns = vals.length >= 1 && vals.length < n && (vals.length === 1 || (!!fit && vals.every((v) => v.row === null))) && vals.every((v) => v.value?.kind === 'number' && /^[\d.,\-\s]+(万元|元)?$/.test(v.text.normalize('NFKC')));
    if (digitRuns && vals.some((v) => v.text.replace(/\D/g, '').length > 1)) {
      const result = splitPacked(vals.map((v) => v.text), row.columns, fit?.fit, this.blanksMayVanish);
      if (result.solutions === 0) return false;
      if (commit) {
        const token = vals[0];
        const runText = vals.map((v) => v.text).join(' ');
        const keys = this.keys(row);
        result.values.forEach((value, i) => {
          const key = keys[i];
          this.cells.set(key, {
            key, value, state: value === null ? 'unreadable' : 'number', text: runText, ref: token.ref, loc: token.loc,
            derivedBy: fit && result.solutions > 0 ? fit.rule : undefined,
            reason: value === null ? 'run-together digits can be split in more than one way' : undefined,
          });
        });
        const unresolved = keys.filter((_, i) => result.values[i] === null);
        this.diagnostics.push({
          code: 'packed-split',
          zh: `${row.zh || this.table.zh}：数字连写“${runText}”，${fit ? '按本行合计' : ''}拆分${unresolved.length ? `，${unresolved.length} 格无法唯一确定，记为无法读取` : ''}`,
          en: `${row.en || this.table.en}: run-together digits "${runText}" split${fit ? ' using the row total' : ''}${unresolved.length ? `; ${unresolved.length} cells ambiguous, left unreadable` : ''}`,
          cells: unresolved.length ? unresolved : keys,
          loc: token.loc,
        });
      }
      return true;
    }
    return false;
  }

  setCell(row: RowDef, column: ColumnDef, token: Token<Ref>) {
    const key = cellKey(this.table, row, column);
    const reading = token.value as CellReading;
    if (reading.kind === 'number') {
      this.cells.set(key, { key, value: reading.value, state: 'number', text: token.text, ref: token.ref, loc: token.loc, unit: reading.unit });
    } else if (reading.kind === 'blank') {
      this.cells.set(key, { key, value: null, state: 'blank', text: token.text, ref: token.ref, loc: token.loc });
    } else {
      this.cells.set(key, { key, value: null, state: 'unreadable', text: token.text, ref: token.ref, loc: token.loc, reason: reading.reason });
    }
  }

  /** Floating entries (no label, or a label that names no row) go to the rows between two anchors by position. */
  placeGap(rows: RowDef[], floating: Entry<Ref>[]) {
    const withValues = floating.filter((e) => e.values.some((v) => !isBlank(v)) || e.labels.length > 0);
    if (rows.length === 0) {
      const stray = withValues.filter((e) => e.values.some((v) => !isBlank(v)));
      if (stray.length) {
        this.diagnostics.push({
          code: 'values-unplaced',
          zh: `${this.table.zh}：有 ${stray.length} 组数字不属于任何一行，已忽略`,
          en: `${this.table.en}: ${stray.length} group(s) of numbers belong to no row; ignored`,
          cells: [], loc: stray[0].values[0]?.loc,
        });
      }
      return;
    }
    const report = (row: RowDef, e: Entry<Ref>) =>
      this.diagnostics.push({
        code: 'label-missing',
        zh: `${row.zh}：找不到该行标签，按位置读取`,
        en: `${row.en}: row label not found; read by position`,
        cells: this.keys(row),
        loc: e.values[0]?.loc,
      });
    if (withValues.length === rows.length && rows.every((row, i) => labelFits(withValues[i], row) && this.tryPlace(row, withValues[i].values, false))) {
      rows.forEach((row, i) => {
        this.tryPlace(row, withValues[i].values, true);
        report(row, withValues[i]);
      });
      return;
    }
    const flat = withValues.flatMap((e) => e.values);
    const needed = rows.reduce((s, r) => s + r.columns.length, 0);
    if (flat.length > 0 && flat.every((t) => t.row === null) && flat.length === needed) {
      let at = 0;
      for (const row of rows) {
        const part = flat.slice(at, at + row.columns.length);
        at += row.columns.length;
        this.tryPlace(row, part, true);
        report(row, { labels: [], values: part });
      }
      return;
    }
    for (const row of rows) {
      this.setUnreadable(row, { zh: '找不到该行或其数字', en: 'row or its numbers not found' }, withValues[0]?.values[0]);
    }
  }

  readRows(tokens: Token<Ref>[]) {
    const rows = this.table.rows;
    const entries = entriesOf(tokens).filter((e) => e.values.length > 0);
    // A label that names several rows (two labels run together when a row's digits are missing)
    // names the one nearest its end, the one its numbers follow.
    const matchRow = (entry: Entry<Ref>, from: number, to: number): number => {
      if (!entry.labels.length) return -1;
      for (const key of labelKeys(entry)) {
        let best = -1;
        let bestAt = -1;
        for (let j = from; j < to; j++) {
          const at = labelPosition(rows[j].match, key);
          if (at > bestAt) {
            best = j;
            bestAt = at;
          }
        }
        if (best >= 0) return best;
      }
      return -1;
    };
    // 1. anchors: entries whose label names a row. In printed order first; a row printed out of
    //    order (PDF converters move them) is taken only when its values fit exactly.
    const anchorOf = new Map<Entry<Ref>, { row: number; inOrder: boolean }>();
    const filled = new Set<number>();
    let pos = 0;
    for (const entry of entries) {
      const j = matchRow(entry, pos, rows.length);
      if (j >= 0) {
        anchorOf.set(entry, { row: j, inOrder: true });
        filled.add(j);
        pos = j + 1;
        continue;
      }
      const back = matchRow(entry, 0, pos);
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
      const row = rows[anchor.row];
      const n = row.columns.length;
      let values = entry.values;
      // flattened text: values beyond this row's own belong to the rows after it (a missing label)
      if (!isRowMode(entry) && values.length > n) {
        floating.push({ labels: [], values: values.slice(n) });
        values = values.slice(0, n);
      }
      if (!this.tryPlace(row, values, true)) {
        const nonBlank = values.filter((v) => !isBlank(v)).length;
        this.setUnreadable(
          row,
          { zh: `本行有 ${values.length} 个数字格（非空 ${nonBlank} 个），应为 ${n} 个，无法确定对应列`, en: `the row has ${values.length} value cells (${nonBlank} non-blank) where ${n} are expected; columns cannot be told apart` },
          values[0],
        );
      }
      if (anchor.inOrder) last = anchor.row;
    }
    gap(last + 1, rows.length);
  }

  readSingleRow(tokens: Token<Ref>[]) {
    const row = this.table.rows[0];
    const n = row.columns.length;
    const start = tokens.findIndex((t) => t.value && t.value.kind !== 'blank');
    if (start < 0) {
      this.setUnreadable(row, { zh: '找不到表中数字', en: 'no numbers found in the table' });
      return;
    }
    let values: Token<Ref>[] = [];
    const firstRow = tokens[start].row;
    if (firstRow === null) {
      for (let i = start; i < tokens.length && tokens[i].value; i++) values.push(tokens[i]);
    } else {
      // a table row: all its value cells, blank ones before the first number included;
      // a data row broken over several rows continues while rows hold only values
      let i = tokens.findIndex((t) => t.row === firstRow);
      let currentRow = firstRow;
      while (i < tokens.length && values.length < n) {
        const rowTokens: Token<Ref>[] = [];
        while (i < tokens.length && tokens[i].row === currentRow) rowTokens.push(tokens[i++]);
        if (rowTokens.some((t) => !t.value)) {
          if (currentRow !== firstRow) break;
          // one text cell among exactly n cells: a cell that should hold a number (`若干`), not a title
          const labels = rowTokens.filter((t) => !t.value);
          if (labels.length === 1 && rowTokens.length === n && !/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{4}/.test(labels[0].text)) {
            values.push(...rowTokens.map((t) => (t.value ? t : { ...t, key: '', value: { kind: 'unreadable' as const, reason: `not a number: "${t.text.slice(0, 40)}"` } })));
            break;
          }
          // a row title in the data row itself (数量): the values after it, all in this row
          const lastLabel = rowTokens.map((t) => !t.value).lastIndexOf(true);
          values.push(...rowTokens.slice(lastLabel + 1));
          break;
        } else values.push(...rowTokens);
        if (i >= tokens.length || tokens[i].row === null) break;
        currentRow = tokens[i].row!;
      }
    }
    values = trimBlanks(values, n);
    if (!this.tryPlace(row, values, true)) {
      this.setUnreadable(
        row,
        { zh: `找到 ${values.length} 个数字格，应为 ${n} 个`, en: `found ${values.length} value cells where ${n} are expected` },
        values[0],
      );
    }
  }
}

/** Drops blank cells off the end while there are more than n: an empty column after the data. */
function trimBlanks<T extends Token>(values: T[], n: number): T[] {
  let vals = values;
  while (vals.length > n && isBlank(vals[vals.length - 1])) vals = vals.slice(0, -1);
  return vals;
}

/** Parts distinctive enough to mark a table wherever they occur in a label. */
const TABLE_MARKS = ['第二十条第', '勾稽关系', '本年新收政府信息公开申请'];
const HEADING_PREFIX = /^[一二三四五六七八九十\d]*(?:表[二三四])?(?:政府信息公开工作|因政府信息公开工作被申请|因政府信息公开被申请|政府信息公开)?/;

/**
 * A table's heading or header cell: a label that starts (after its numbering) with one of
 * `parts`, or holds a distinctive table mark. In run-together text, where a whole table is one
 * long run, a numbered heading inside the run counts too.
 */
const isHeading = (t: Token, ...parts: string[]) => {
  if (t.value) return false;
  return parts.some((p) => {
    const at = t.key.indexOf(p);
    if (at < 0) return false;
    if (TABLE_MARKS.includes(p)) return true;
    if (t.key.length <= 40) return t.key.replace(HEADING_PREFIX, '').startsWith(p);
    return /[一二三四五六][^一二三四五六]{0,6}$/.test(t.key.slice(Math.max(0, at - 8), at));
  });
};

/** Where each table starts in the token stream (-1 when not found). */
export function findRegions(tokens: Token[]): Record<'t2' | 't3' | 't4', number> {
  const find = (from: number, pred: (t: Token) => boolean) => {
    for (let i = Math.max(0, from); i < tokens.length; i++) if (pred(tokens[i])) return i;
    return -1;
  };
  // 第二十条第（一）项 heads table 二; the section heading is the fallback (section 一 often has a
  // sub-heading of the same words, so it comes second)
  let t2 = find(0, (t) => isHeading(t, '第二十条第'));
  if (t2 < 0) t2 = find(0, (t) => isHeading(t, '主动公开政府信息情况'));
  const t3 = find(t2, (t) => isHeading(t, '收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '本年新收政府信息公开申请'));
  if (t2 < 0 && t3 >= 0) t2 = find(0, (t) => isHeading(t, '信息内容'));
  const t4 = find(t3 < 0 ? t2 : t3 + 1, (t) => isHeading(t, '行政复议', '行政诉讼'));
  return { t2, t3, t4 };
}

export interface Extraction<Ref> {
  cells: Map<string, ReadCell<Ref>>;
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

export function extractCells<Ref>(tokens: Token<Ref>[], formatId: FormatId, blanksMayVanish = true): Extraction<Ref> {
  const format = FORMATS[formatId];
  const regions = findRegions(tokens as Token[]);
  const bounds: [number, number][] = [
    [regions.t2, regions.t3 >= 0 ? regions.t3 : regions.t4 >= 0 ? regions.t4 : tokens.length],
    [regions.t3, regions.t4 >= 0 ? regions.t4 : tokens.length],
    [regions.t4, tokens.length],
  ];
  const cells = new Map<string, ReadCell<Ref>>();
  const diagnostics: Diagnostic[] = [];
  format.tables.forEach((table, i) => {
    const reader = new TableReader<Ref>(table, blanksMayVanish);
    const [start, end] = bounds[i];
    if (start < 0) {
      const keys = table.rows.flatMap((r) => r.columns.map((c) => cellKey(table, r, c)));
      for (const key of keys) cells.set(key, { key, value: null, state: 'unreadable', text: '', ref: null, loc: '', reason: 'table not found' });
      diagnostics.push({ code: 'table-missing', zh: `找不到${table.zh}`, en: `${table.en} not found`, cells: keys });
      return;
    }
    const slice = tokens.slice(start, end);
    if (table.id === 't4') reader.readSingleRow(slice);
    else reader.readRows(slice);
    for (const row of table.rows) {
      for (const column of row.columns) {
        const key = cellKey(table, row, column);
        const cell = reader.cells.get(key);
        cells.set(key, cell ?? { key, value: null, state: 'unreadable', text: '', ref: null, loc: '', reason: 'not found' });
      }
    }
    diagnostics.push(...reader.diagnostics);
  });
  return { cells, diagnostics };
}

/**
 * A run-together row split by its own total is only as good as that guess. Table 三's column
 * relations were not used to split it, so they can confirm it: where one fails and a cell in it came
 * from such a split, those split cells are distrusted (unreadable, and said) rather than reported as
 * figures the page may not hold. On a consistent report nothing changes.
 */
export function distrustContradictedSplits<Ref>(cells: Map<string, ReadCell<Ref>>, formatId: FormatId): Diagnostic[] {
  const results = t3ResultRows(formatId);
  const columns = T3_COLUMNS.map((c) => c.key);
  const relations = columns.flatMap((c) => [
    { parts: results.map((r) => `t3.${r}.${c}`), result: [`t3.total.${c}`] },
    { parts: [`t3.new.${c}`, `t3.carried_over.${c}`], result: [`t3.total.${c}`, `t3.carried_forward.${c}`] },
  ]);
  const distrusted = new Set<string>();
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const rel of relations) {
      const keys = [...rel.parts, ...rel.result];
      const all = keys.map((k) => cells.get(k));
      if (all.some((c) => !c || c.state === 'unreadable')) continue;
      const sum = (ks: string[]) => ks.reduce((s, k) => s + (cells.get(k)!.value ?? 0), 0);
      if (Math.abs(sum(rel.parts) - sum(rel.result)) < 1e-9) continue;
      for (const k of keys) {
        const c = cells.get(k)!;
        if (c.derivedBy !== 't3-row-total') continue;
        // the whole split row goes: its cells were read together
        const row = k.split('.').slice(0, 2).join('.');
        for (const col of columns) {
          const key = `${row}.${col}`;
          const cell = cells.get(key);
          if (!cell || cell.state === 'unreadable') continue;
          cells.set(key, { ...cell, value: null, state: 'unreadable', reason: 'run-together digits split by the row total contradict the column totals' });
          distrusted.add(row);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return [...distrusted].map((row) => ({
    code: 'packed-split' as const,
    zh: `${row}：连写数字按本行合计拆分的结果与列合计不符，不予采用，记为无法读取`,
    en: `${row}: the split of its run-together digits contradicts the column totals; left unreadable`,
    cells: columns.map((c) => `${row}.${c}`),
  }));
}
