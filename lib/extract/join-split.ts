import type { Token } from '../source/tokens';

/** A relation that must hold within a row (its total), given its values with blanks as 0. */
export type RowFit = (values: number[]) => boolean;

const MAX_GROUPINGS = 5_000;

/**
 * A figure split in two by an inline element prints as two pieces (`1 62` for 162), so a row shows
 * more numbers than it has columns. The pieces are joined back only where exactly one way of
 * joining adjacent pieces makes the row's relation hold; otherwise null (the row is unreadable).
 * A joined figure never starts with 0 (`0|5` is two cells, not 05), and a blank never joins.
 */
export function joinSplitFigures(
  pieces: Token[],
  n: number,
  fits: RowFit,
): { groups: Token[][]; values: (number | null)[] } | null {
  const m = pieces.length;
  if (m <= n) return null;
  const digitsOf = (t: Token) => t.text.normalize('NFKC').trim();
  if (!pieces.every((t) => t.value?.kind === 'blank' || (t.value?.kind === 'number' && /^\d+$/.test(digitsOf(t)))))
    return null;
  let found: Token[][] | null = null;
  let solutions = 0;
  let steps = 0;
  const groups: Token[][] = [];
  const search = (at: number) => {
    if (solutions > 1 || ++steps > MAX_GROUPINGS) return;
    if (groups.length === n) {
      if (at !== m) return;
      if (fits(groups.map((g) => groupValue(g) ?? 0))) {
        solutions++;
        found = groups.map((g) => [...g]);
      }
      return;
    }
    // pieces left must still fill the groups left
    for (let end = at + 1; end <= m && m - end >= n - groups.length - 1; end++) {
      const group = pieces.slice(at, end);
      if (group.length > 1 && (group.some((t) => t.value?.kind === 'blank') || digitsOf(group[0]).startsWith('0')))
        break;
      groups.push(group);
      search(end);
      groups.pop();
    }
  };
  const groupValue = (g: Token[]) => (g[0].value?.kind === 'blank' ? null : Number(g.map(digitsOf).join('')));
  search(0);
  if (solutions !== 1 || steps > MAX_GROUPINGS || !found) return null;
  const result: Token[][] = found;
  return { groups: result, values: result.map(groupValue) };
}
