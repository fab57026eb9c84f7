import { T3_COLUMNS } from '../format/layouts';
import type { Rule } from './context';
import { evaluate } from './relation';

/** 第一项加第二项之和，等于第三项加第四项之和 — for every applicant column. */
export const t3Balance: Rule = {
  id: 't3-balance',
  severity: 'error',
  title: { zh: '表三勾稽：新收 + 上年结转 = 办理结果总计 + 结转下年度', en: 'Table 3 balance: new + carried over = total handled + carried forward' },
  run: (ctx) =>
    T3_COLUMNS.map((c) =>
      evaluate(
        {
          rule: 't3-balance', format: ctx.format,
          parts: [`t3.new.${c.key}`, `t3.carried_over.${c.key}`],
          result: [`t3.total.${c.key}`, `t3.carried_forward.${c.key}`],
          label: { zh: `表三「${c.zh}」列 新收+结转 与 总计+结转下年度`, en: `Table 3 column "${c.en}": new + carried over vs total + carried forward` },
        },
        ctx.cells,
      ),
    ),
};
