import { T3_COLUMNS } from '../format/layouts';
import type { Finding } from '../model';
import type { Rule } from './context';
import { evaluate } from './relation';

/** Carry-over this year = carried forward in the same body's previous report, per column. */
export const crossYearCarry: Rule = {
  id: 'cross-year-carry',
  run(ctx) {
    const prev = ctx.previous;
    if (!prev) return [];
    return T3_COLUMNS.map((c) => {
      const merged = new Map(ctx.cells);
      const prevKey = `prev:t3.carried_forward.${c.key}`;
      const p = prev.cells.get(`t3.carried_forward.${c.key}`);
      if (p) merged.set(prevKey, { ...p, key: prevKey });
      const f = evaluate(
        {
          rule: 'cross-year-carry',
          format: ctx.format,
          parts: [prevKey],
          result: [`t3.carried_over.${c.key}`],
          label: {
            zh: `表三「${c.zh}」上年结转 与 上一年度结转下年度`,
            en: `Table 3 "${c.en}": carried over vs last year's carried forward`,
          },
        },
        merged,
      );
      return {
        ...f,
        severity: f.status === 'fail' ? 'warning' : f.severity,
        cells: [`t3.carried_over.${c.key}`],
      } as Finding;
    });
  },
};

/** 现行有效(y) = 现行有效(y−1) + 本年制发 − 本年废止, for 规章 and 行政规范性文件 (2021 format). */
export const crossYearInForce: Rule = {
  id: 'cross-year-in-force',
  run(ctx) {
    const prev = ctx.previous;
    if (!prev || ctx.format !== '2021' || prev.format !== '2021') return [];
    return (['rules', 'normative'] as const).map((row) => {
      const get = (m: ReadonlyMap<string, { value: number | null; state: string }>, k: string) => m.get(k);
      const cells = [`t2.${row}.issued`, `t2.${row}.repealed`, `t2.${row}.in_force`];
      const before = get(prev.cells, `t2.${row}.in_force`);
      const parts = [before, ...cells.map((k) => get(ctx.cells, k))];
      const name = row === 'rules' ? { zh: '规章', en: 'Rules' } : { zh: '行政规范性文件', en: 'Normative documents' };
      if (parts.some((p) => !p || p.state === 'unreadable')) {
        return {
          rule: 'cross-year-in-force',
          status: 'unchecked',
          severity: 'info',
          cells,
          message: { zh: `${name.zh}：有单元格无法读取`, en: `${name.en}: a cell is unreadable` },
        } as Finding;
      }
      const [b, issued, repealed, now] = parts.map((p) => p!.value ?? 0);
      const expected = b + issued - repealed;
      const ok = expected === now;
      return {
        rule: 'cross-year-in-force',
        status: ok ? 'pass' : 'fail',
        severity: 'info',
        cells,
        expected,
        actual: now,
        message: ok
          ? {
              zh: `${name.zh}现行有效 ${now} = ${b} + ${issued} − ${repealed}`,
              en: `${name.en} in force ${now} = ${b} + ${issued} − ${repealed}`,
            }
          : {
              zh: `${name.zh}现行有效应为 ${b} + ${issued} − ${repealed} = ${expected}，表中为 ${now}`,
              en: `${name.en} in force: expected ${b} + ${issued} − ${repealed} = ${expected}, printed ${now}`,
            },
      } as Finding;
    });
  },
};
