import { cellsOf } from '../format/layouts';
import type { Finding } from '../model';
import type { Rule } from './context';
import { cellName } from './names';

/**
 * Every cell holds a number of its kind: counts are non-negative integers, 2021 fees a
 * non-negative decimal, 2019 本年增/减 a signed integer. Text that is not a number is an error;
 * blank cells are one warning per table; cells this reader could not read are `unchecked`.
 */
export const cellValue: Rule = {
  id: 'cell-value',
  run(ctx) {
    const findings: Finding[] = [];
    const blanksByTable = new Map<string, string[]>();
    for (const def of cellsOf(ctx.format)) {
      const cell = ctx.cells.get(def.key);
      const zh = cellName(ctx.format, def.key, 'zh');
      const en = cellName(ctx.format, def.key, 'en');
      if (!cell || cell.state === 'unreadable') {
        const pageText = cell?.unreadable === 'not-a-number';
        findings.push({
          rule: 'cell-value',
          status: pageText ? 'fail' : 'unchecked',
          severity: pageText ? 'error' : 'info',
          cells: [def.key],
          message: pageText
            ? { zh: `${zh}：“${cell!.text}”不是数字`, en: `${en}: "${cell!.text}" is not a number` }
            : {
                zh: `${zh}：无法读取（${cell?.reason ?? '未找到'}）`,
                en: `${en}: unreadable (${cell?.reason ?? 'not found'})`,
              },
        });
        continue;
      }
      if (cell.state === 'blank') {
        blanksByTable.set(def.table, [...(blanksByTable.get(def.table) ?? []), def.key]);
        continue;
      }
      const v = cell.value!;
      const kind = def.column.kind;
      const bad = kind === 'count' ? !Number.isInteger(v) || v < 0 : kind === 'signed' ? !Number.isInteger(v) : v < 0;
      if (bad) {
        findings.push({
          rule: 'cell-value',
          status: 'fail',
          severity: 'error',
          cells: [def.key],
          actual: v,
          message: {
            zh: `${zh}：${v} 不是${kind === 'count' ? '非负整数' : kind === 'signed' ? '整数' : '非负数'}`,
            en: `${en}: ${v} is not a ${kind === 'count' ? 'non-negative integer' : kind === 'signed' ? 'whole number' : 'non-negative amount'}`,
          },
        });
      }
    }
    const TABLE_ZH: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四' };
    for (const [table, keys] of blanksByTable) {
      findings.push({
        rule: 'cell-value',
        status: 'fail',
        severity: 'warning',
        cells: keys,
        message: {
          zh: `${TABLE_ZH[table]}有 ${keys.length} 个单元格留空（按 0 计）：${keys
            .map((k) => cellName(ctx.format, k, 'zh'))
            .slice(0, 3)
            .join('、')}${keys.length > 3 ? ' 等' : ''}`,
          en: `Table ${table.slice(1)}: ${keys.length} blank cell(s) (read as 0): ${keys
            .map((k) => cellName(ctx.format, k, 'en'))
            .slice(0, 3)
            .join(', ')}${keys.length > 3 ? ' …' : ''}`,
        },
      });
    }
    return findings;
  },
};
