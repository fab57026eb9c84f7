import { T4_GROUP_NAMES, T4_GROUPS, T4_RESULTS } from '../format/layouts';
import type { Rule } from './context';
import { evaluate } from './relation';

/** 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for each group. */
export const t4GroupTotal: Rule = {
  id: 't4-group-total',
  severity: 'error',
  title: { zh: '表四各组总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'Table 4 group total = upheld + corrected + other + pending' },
  run: (ctx) =>
    T4_GROUPS.map((g) =>
      evaluate(
        {
          rule: 't4-group-total', format: ctx.format,
          parts: T4_RESULTS.filter((r) => r.key !== 'total').map((r) => `t4.${g}.${r.key}`),
          result: [`t4.${g}.total`],
          label: { zh: `表四「${T4_GROUP_NAMES[g].zh}」总计`, en: `Table 4 "${T4_GROUP_NAMES[g].en}" total` },
        },
        ctx.cells,
      ),
    ),
};
