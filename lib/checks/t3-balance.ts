import { relationsOf } from '../format/relations';
import type { Rule } from './context';
import { evaluate } from './relation';

/** 第一项加第二项之和，等于第三项加第四项之和 — for every applicant column. */
export const t3Balance: Rule = {
  id: 't3-balance',
  run: (ctx) =>
    relationsOf(ctx.format)
      .filter((r) => r.rule === 't3-balance')
      .map((r) => evaluate({ ...r, format: ctx.format }, ctx.cells)),
};
