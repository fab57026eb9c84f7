import { T4_GROUPS } from '../format/layouts';
import type { Rule } from './context';
import { evaluate } from './relation';

const GROUP_NAMES = {
  review: { zh: '行政复议', en: 'Administrative review' },
  suit_direct: { zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuits filed directly' },
  suit_after_review: { zh: '行政诉讼·复议后起诉', en: 'Lawsuits after review' },
};

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
          parts: ['upheld', 'corrected', 'other', 'pending'].map((c) => `t4.${g}.${c}`),
          result: [`t4.${g}.total`],
          label: { zh: `表四「${GROUP_NAMES[g].zh}」总计`, en: `Table 4 "${GROUP_NAMES[g].en}" total` },
        },
        ctx.cells,
      ),
    ),
};
