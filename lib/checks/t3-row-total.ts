import { FORMATS, T3_COLUMNS } from '../format/layouts';
import type { Rule } from './context';
import { evaluate } from './relation';

/** Each row's 总计 = the sum of its six applicant columns. */
export const t3RowTotal: Rule = {
  id: 't3-row-total',
  severity: 'error',
  title: { zh: '表三各行总计 = 六类申请人之和', en: 'Table 3 row total = sum of the six applicant columns' },
  run: (ctx) =>
    FORMATS[ctx.format].tables[1].rows.map((row) =>
      evaluate(
        {
          rule: 't3-row-total', format: ctx.format,
          parts: T3_COLUMNS.slice(0, 6).map((c) => `t3.${row.key}.${c.key}`),
          result: [`t3.${row.key}.total`],
          label: { zh: `表三「${row.zh}」行总计`, en: `Table 3 row "${row.en}" total` },
        },
        ctx.cells,
      ),
    ),
};
