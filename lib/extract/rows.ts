import type { LabelPattern, RowDef } from '../format/layouts';
import type { Token } from '../source/tokens';
import { labelKey } from '../text/normalize';

/** Labels and the values after them: one printed row, or a piece of one. */
export interface Entry<Ref> {
  labels: Token<Ref>[];
  values: Token<Ref>[];
  /** values that ran over the end of this row in flat text: if no row takes them, this row was misread */
  overflowOf?: RowDef;
}

/**
 * Where in the label the pattern matches (the end of its last match), or -1. A match inside one of
 * the `not` words (采购 in the header 采购项目数量) does not count; one after it (a row label run
 * together with the header before it) does.
 */
export function labelPosition(pattern: LabelPattern, key: string): number {
  if (!key) return -1;
  const excluded: [number, number][] = [];
  for (const n of pattern.not ?? [])
    for (let i = key.indexOf(n); i >= 0; i = key.indexOf(n, i + 1)) excluded.push([i, i + n.length]);
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
export function labelKeys<Ref>(entry: Entry<Ref>): string[] {
  const keys: string[] = [];
  let joined = '';
  for (let i = entry.labels.length - 1; i >= Math.max(0, entry.labels.length - 4); i--) {
    joined = entry.labels[i].key + joined;
    keys.push(joined);
  }
  return keys;
}

export function entriesOf<Ref>(tokens: Token<Ref>[]): Entry<Ref>[] {
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
    const newRow =
      !!last &&
      token.row !== last.row &&
      (token.row !== null || last.row !== null) &&
      (current?.values.length ?? 0) > 0;
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

/**
 * A row placed by position may carry a label that names no row: a piece of its own label torn by a
 * PDF converter (`行政机关不再处理其政府信息公`) fits; a label from elsewhere (`今日访问`) does not.
 */
export function labelFits(entry: Entry<unknown>, row: RowDef): boolean {
  if (!entry.labels.length) return true;
  const label = entry.labels.map((l) => l.key).join('');
  const own = labelKey(row.full ?? row.zh);
  const n = Math.min(3, own.length);
  for (let i = 0; i + n <= label.length; i++) if (own.includes(label.slice(i, i + n))) return true;
  return false;
}
export const isRowMode = (e: Entry<unknown>) => e.values.some((v) => v.row !== null);

/**
 * The row an entry's label names among rows[from, to), or -1. A label that names several rows (two
 * labels run together when a row's digits are missing) names the one nearest its end, the one its
 * numbers follow.
 */
export function matchRow<Ref>(rows: RowDef[], entry: Entry<Ref>, from: number, to: number): number {
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
}
