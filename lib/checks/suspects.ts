import type { ExtractedCell } from '../extract/cells';
import type { FormatId } from '../format/layouts';
import { holds, relationsOf, type RelationDef } from '../format/relations';
import type { Finding, Suspect } from '../model';

const sameCells = (rel: RelationDef, f: Finding) => {
  const keys = [...rel.parts, ...rel.result];
  return keys.length === f.cells.length && keys.every((k, i) => k === f.cells[i]);
};

/**
 * The cell most likely wrong: a single printed figure whose change would make every failing
 * relation pass, and break none that passes. A typo breaks two relations at once (its row total and
 * its column sum); the cell on both is the one to look at. Where several cells fit equally they are
 * all listed; where none does (two independent errors, even in separate tables; a wrong total and a
 * wrong part), nothing is said. Blank cells read as 0 are never proposed, nor cells whose value came from a split.
 */
export function findSuspects(
  format: FormatId,
  cells: ReadonlyMap<string, ExtractedCell>,
  findings: Finding[],
): Suspect[] {
  const relations = relationsOf(format);
  const failing = findings
    .map((f, index) => ({ f, index, rel: relations.find((r) => r.rule === f.rule && sameCells(r, f)) }))
    .filter((x): x is Failing => x.f.status === 'fail' && x.f.severity === 'error' && !!x.rel);
  // relations that share no cell fail for separate reasons: two faults at least, and no one cell
  // explains them all, so nothing is said; one failing sum alone says nothing of which cell is off
  const groups = groupsSharingCells(failing);
  return groups.length === 1 && groups[0].length >= 2 ? explain(groups[0], relations, cells) : [];
}

interface Failing {
  f: Finding;
  index: number;
  rel: RelationDef;
}

const keysOf = (r: RelationDef) => [...r.parts, ...r.result];

function groupsSharingCells(failing: Failing[]): Failing[][] {
  const groups: Failing[][] = [];
  for (const item of failing) {
    const keys = new Set(keysOf(item.rel));
    const joined = groups.filter((g) => g.some((other) => keysOf(other.rel).some((k) => keys.has(k))));
    const merged = [item, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups;
}

function explain(group: Failing[], relations: RelationDef[], cells: ReadonlyMap<string, ExtractedCell>): Suspect[] {
  const readable = (k: string) => cells.get(k)?.state === 'number' && !cells.get(k)?.derivedBy;
  const value = (k: string) => cells.get(k)?.value ?? 0;
  // only a cell in every failing relation of the group can explain them all
  const candidates = keysOf(group[0].rel).filter(
    (k) => readable(k) && group.every(({ rel }) => keysOf(rel).includes(k)),
  );
  const suspects: Suspect[] = [];
  for (const key of candidates) {
    const proposals = group.map(({ rel }) => {
      const sum = (keys: string[]) => keys.reduce((s, k) => s + (k === key ? 0 : value(k)), 0);
      return rel.parts.includes(key) ? sum(rel.result) - sum(rel.parts) : sum(rel.parts) - sum(rel.result);
    });
    const proposed = proposals[0];
    if (!proposals.every((p) => p === proposed) || proposed < 0 || !Number.isInteger(proposed)) continue;
    // the change must leave every relation on that cell that can be evaluated holding
    const changed = (k: string) => (k === key ? proposed : cells.get(k)?.value);
    const evaluable = (r: RelationDef) => keysOf(r).every((k) => cells.get(k) && cells.get(k)!.state !== 'unreadable');
    if (!relations.filter((r) => keysOf(r).includes(key) && evaluable(r)).every((r) => holds(r, changed))) continue;
    suspects.push({
      cells: [key],
      printed: value(key),
      proposed,
      explains: group.map(({ index }) => index).sort((a, b) => a - b),
    });
  }
  return suspects;
}
