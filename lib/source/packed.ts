import type { ColumnDef } from '../format/layouts';

/**
 * Splitting a run of digits that stands for several cells (crawler text runs every cell of a
 * row together: `801000081` = 80,1,0,0,0,0,81). Printed numbers have no leading zeros, so a run
 * has few possible splits; a relation that must hold within the row (its total) can single one
 * out. A cell is read only where every possible split agrees on it — never guessed.
 */

export interface PackedResult {
  values: (number | null)[];
  /** number of splits that fit (capped) */
  solutions: number;
}

const MAX_STEPS = 50_000;
const MAX_SOLUTIONS = 64;

function pieceValue(piece: string, kind: ColumnDef['kind']): number | null {
  if (kind === 'signed') {
    if (!/^[-+]?(0|[1-9]\d*)$/.test(piece) || piece === '-0') return null;
    return Number(piece);
  }
  if (kind === 'amount') return /^(0|[1-9]\d*)(\.\d+)?$/.test(piece) ? Number(piece) : null;
  return /^(0|[1-9]\d*)$/.test(piece) ? Number(piece) : null;
}

/**
 * `run` may be several pieces (a crawler keeps a space where cells met): each piece holds one or
 * more whole cells, so a cell never spans two pieces.
 */
export function splitPacked(
  run: string | string[],
  columns: ColumnDef[],
  fits?: (values: number[]) => boolean,
  blanksMayVanish = true,
): PackedResult {
  const pieces = (Array.isArray(run) ? run : [run]).flatMap((p) =>
    p
      .normalize('NFKC')
      .trim()
      .split(/[\s\u00a0]+/),
  );
  const text = pieces
    .map((p) => p.replace(/(万元|元)$/, ''))
    .filter(Boolean)
    .join('|');
  const n = columns.length;
  if (text.includes(',') && !text.includes('|')) {
    const parts = text.split(',');
    const values = parts.map((p, i) => (i < n ? pieceValue(p, columns[i].kind) : null));
    if (parts.length === n && values.every((v) => v !== null) && (!fits || fits(values as number[]))) {
      return { values, solutions: 1 };
    }
    return { values: new Array(n).fill(null), solutions: 0 };
  }
  // Where blank cells vanish from run-together text, a run may hold fewer cells than the row: every
  // placement of blanks (read as 0 by the relation) is a possible split too. Only cells on which all
  // possible splits agree are read; a blank is never reported as a number.
  const solutions: (number | null)[][] = [];
  const current: (number | null)[] = [];
  let steps = 0;
  const search = (pos: number, index: number): void => {
    if (solutions.length >= MAX_SOLUTIONS || ++steps > MAX_STEPS) return;
    if (text[pos] === '|') pos++;
    if (index === n) {
      if (pos === text.length && (!fits || fits(current.map((v) => v ?? 0)))) solutions.push([...current]);
      return;
    }
    // no split can use more than 12 digits a cell
    if (text.length - pos > (n - index) * 13) return;
    if (blanksMayVanish) {
      // this cell blank
      current.push(null);
      search(pos, index + 1);
      current.pop();
    }
    const pieceEnd = text.indexOf('|', pos) < 0 ? text.length : text.indexOf('|', pos);
    for (let end = pos + 1; end <= pieceEnd; end++) {
      const value = pieceValue(text.slice(pos, end), columns[index].kind);
      if (value === null) {
        // a leading zero only grows worse; a sign or dot may still become valid
        if (/^0\d/.test(text.slice(pos, end))) break;
        continue;
      }
      current.push(value);
      search(end, index + 1);
      current.pop();
    }
  };
  search(0, 0);
  if (steps > MAX_STEPS || solutions.length === 0)
    return { values: new Array(n).fill(null), solutions: steps > MAX_STEPS ? MAX_SOLUTIONS : 0 };
  const values = columns.map((_, i) => (solutions.every((s) => s[i] === solutions[0][i]) ? solutions[0][i] : null));
  return { values, solutions: solutions.length };
}
