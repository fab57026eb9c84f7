import { relationsOf } from '../format/relations';
import type { Rule } from './context';
import { evaluate } from './relation';

/** Each row's 总计 = the sum of its six applicant columns. */
export const t3RowTotal: Rule = {
  id: 't3-row-total',
  run: (ctx) =>
    relationsOf(ctx.format)
      .filter((r) => r.rule === 't3-row-total')
      .map((r) => evaluate({ ...r, format: ctx.format }, ctx.cells)),
};
