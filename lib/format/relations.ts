import { FORMATS, T3_COLUMNS, T4_GROUP_NAMES, T4_GROUPS, T4_RESULTS, type FormatId } from './layouts';

/** The arithmetic the format requires: `sum(parts) = sum(result)`, as data. Checks evaluate these; the reader uses the row totals to rejoin split figures. */
export interface RelationDef {
  rule: 't3-balance' | 't3-results-sum' | 't3-row-total' | 't4-group-total';
  /** the cells that add up to the expected value */
  parts: string[];
  /** the cells whose sum is the printed result */
  result: string[];
  /** how to say which instance it is (a column, a row, a group) */
  label: { zh: string; en: string };
}

const table3 = (format: FormatId) => FORMATS[format].tables.find((t) => t.id === 't3')!;

/** Table 三's result rows, （一）予以公开 … （六）其他处理: the rows that add up to （七）总计. */
export function t3ResultRows(format: FormatId): string[] {
  return table3(format)
    .rows.map((r) => r.key)
    .filter((k) => !['new', 'carried_over', 'total', 'carried_forward'].includes(k));
}

function build(format: FormatId): RelationDef[] {
  const applicants = T3_COLUMNS.filter((c) => c.key !== 'total');
  return [
    ...T3_COLUMNS.map(
      (c): RelationDef => ({
        rule: 't3-balance',
        parts: [`t3.new.${c.key}`, `t3.carried_over.${c.key}`],
        result: [`t3.total.${c.key}`, `t3.carried_forward.${c.key}`],
        label: {
          zh: `表三「${c.zh}」列 新收+结转 与 总计+结转下年度`,
          en: `Table 3 column "${c.en}": new + carried over vs total + carried forward`,
        },
      }),
    ),
    ...T3_COLUMNS.map(
      (c): RelationDef => ({
        rule: 't3-results-sum',
        parts: t3ResultRows(format).map((r) => `t3.${r}.${c.key}`),
        result: [`t3.total.${c.key}`],
        label: {
          zh: `表三「${c.zh}」列 办理结果之和 与（七）总计`,
          en: `Table 3 column "${c.en}": sum of results vs total`,
        },
      }),
    ),
    ...table3(format).rows.map(
      (row): RelationDef => ({
        rule: 't3-row-total',
        parts: applicants.map((c) => `t3.${row.key}.${c.key}`),
        result: [`t3.${row.key}.total`],
        label: { zh: `表三「${row.zh}」行总计`, en: `Table 3 row "${row.en}" total` },
      }),
    ),
    ...T4_GROUPS.map(
      (g): RelationDef => ({
        rule: 't4-group-total',
        parts: T4_RESULTS.filter((r) => r.key !== 'total').map((r) => `t4.${g}.${r.key}`),
        result: [`t4.${g}.total`],
        label: { zh: `表四「${T4_GROUP_NAMES[g].zh}」总计`, en: `Table 4 "${T4_GROUP_NAMES[g].en}" total` },
      }),
    ),
  ];
}

const cache = new Map<FormatId, RelationDef[]>();

/** Every relation of a format, in the order the checks list them. */
export function relationsOf(format: FormatId): RelationDef[] {
  let relations = cache.get(format);
  if (!relations) cache.set(format, (relations = build(format)));
  return relations;
}

/** Whether a relation holds for these values (a missing value counts as 0, as a blank cell does). */
export function holds(rel: RelationDef, value: (key: string) => number | null | undefined): boolean {
  const sum = (keys: string[]) => keys.reduce((s, k) => s + (value(k) ?? 0), 0);
  return Math.abs(sum(rel.parts) - sum(rel.result)) < 1e-9;
}

/** The relations that lie wholly within a set of cells (a row's total, table 四's group totals). */
export function relationsWithin(format: FormatId, keys: readonly string[]): RelationDef[] {
  const inside = new Set(keys);
  return relationsOf(format).filter((r) => [...r.parts, ...r.result].every((k) => inside.has(k)));
}
