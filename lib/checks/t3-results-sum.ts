import { T3_COLUMNS, t3ResultRows } from '../format/layouts';
import type { Rule } from './context';
import { evaluate } from './relation';

/** （七）总计 = the sum of every result row (（一）…（六）), per column. */
export const t3ResultsSum: Rule = {
  id: 't3-results-sum',
  severity: 'error',
  title: { zh: '表三（七）总计 = 各办理结果之和', en: 'Table 3 total = sum of the results' },
  run: (ctx) =>
    T3_COLUMNS.map((c) =>
      evaluate(
        {
          rule: 't3-results-sum', format: ctx.format,
          parts: t3ResultRows(ctx.format).map((r) => `t3.${r}.${c.key}`),
          result: [`t3.total.${c.key}`],
          label: { zh: `表三「${c.zh}」列 办理结果之和 与（七）总计`, en: `Table 3 column "${c.en}": sum of results vs total` },
        },
        ctx.cells,
      ),
    ),
};
