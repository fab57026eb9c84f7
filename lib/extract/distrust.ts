import { T3_COLUMNS, type FormatId } from '../format/layouts';
import { holds, relationsOf } from '../format/relations';
import type { Diagnostic, ExtractedCell } from './cells';

/**
 * A run-together row split by its own total is only as good as that guess. Table 三's column
 * relations were not used to split it, so they can confirm it: where one fails and a cell in it came
 * from such a split, those split cells are distrusted (unreadable, and said) rather than reported as
 * figures the page may not hold. On a consistent report nothing changes.
 */
export function distrustContradictedSplits<Ref>(
  cells: Map<string, ExtractedCell<Ref>>,
  formatId: FormatId,
): Diagnostic[] {
  const columns = T3_COLUMNS.map((c) => c.key);
  const relations = relationsOf(formatId).filter((r) => r.rule === 't3-results-sum' || r.rule === 't3-balance');
  const distrusted = new Set<string>();
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const rel of relations) {
      const keys = [...rel.parts, ...rel.result];
      const all = keys.map((k) => cells.get(k));
      if (all.some((c) => !c || c.state === 'unreadable')) continue;
      if (holds(rel, (k) => cells.get(k)!.value)) continue;
      for (const k of keys) {
        const c = cells.get(k)!;
        if (c.derivedBy !== 't3-row-total') continue;
        // the whole split row goes: its cells were read together
        const row = k.split('.').slice(0, 2).join('.');
        for (const col of columns) {
          const key = `${row}.${col}`;
          const cell = cells.get(key);
          if (!cell || cell.state === 'unreadable') continue;
          cells.set(key, {
            ...cell,
            value: null,
            state: 'unreadable',
            unreadable: 'contradicted-split',
            reason: 'run-together digits split by the row total contradict the column totals',
          });
          distrusted.add(row);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return [...distrusted].map((row) => ({
    code: 'packed-split' as const,
    message: {
      zh: `${row}：连写数字按本行合计拆分的结果与列合计不符，不予采用，记为无法读取`,
      en: `${row}: the split of its run-together digits contradicts the column totals; left unreadable`,
    },
    cells: columns.map((c) => `${row}.${c}`),
  }));
}
