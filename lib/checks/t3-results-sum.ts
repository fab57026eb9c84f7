import { relationsOf } from '../format/relations';
import type { Rule } from './context';
import { evaluate } from './relation';

/** （七）总计 = the sum of every result row (（一）…（六）), per column. */
export const t3ResultsSum: Rule = {
  id: 't3-results-sum',
  run: (ctx) =>
    relationsOf(ctx.format)
      .filter((r) => r.rule === 't3-results-sum')
      .map((r) => evaluate({ ...r, format: ctx.format }, ctx.cells)),
};
