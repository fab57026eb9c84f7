import { relationsOf } from '../format/relations';
import type { Rule } from './context';
import { evaluate } from './relation';

/** 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each group. */
export const t4GroupTotal: Rule = {
  id: 't4-group-total',
  run: (ctx) =>
    relationsOf(ctx.format)
      .filter((r) => r.rule === 't4-group-total')
      .map((r) => evaluate({ ...r, format: ctx.format }, ctx.cells)),
};
