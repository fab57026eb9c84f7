import { foldWidth } from '../text/normalize';

// longest first: each name is reduced once, to the short form reviewers also write
const SHORT_FORMS: [RegExp, string][] = [
  [/人民政府办公室|人民政府办公厅|政府办公室|政府办公厅/g, '政府办'],
  [/([市县区州旗])府办/g, '$1政府办'],
  [/人民政府/g, '政府'],
  [/管理委员会/g, '管委会'],
  [/办公室|办公厅/g, '办'],
];

/**
 * A body's name reduced so that its variants meet: 平潭综合实验区管理委员会办公室 and
 * 平潭综合实验区管委会办公室, 某区人民政府 and 某区政府, 莆田市府办 and 莆田市人民政府办公室.
 */
export function bodyKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const compact = foldWidth(name).replace(/[\s()（）·]/g, '');
  const key = SHORT_FORMS.reduce((s, [re, to]) => s.replace(re, to), compact);
  return key.length >= 2 ? key : null;
}

export interface Pairable {
  organ: string | null;
  year: number | null;
  format: string | null;
}

/** The same body's report of the year before, among `candidates`: the last one given wins a tie. */
export function previousYearOf<T extends Pairable>(report: Pairable, candidates: readonly T[]): T | null {
  const key = bodyKey(report.organ);
  if (!key || report.year === null) return null;
  let found: T | null = null;
  for (const c of candidates) if (c.year === report.year - 1 && c.format && bodyKey(c.organ) === key) found = c;
  return found;
}
