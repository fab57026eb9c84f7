import type { Rule } from './context';
import { oldTemplateHeaders } from './structure';

/** 2021 format for report years ≥ 2021; 2019 format for 2019–2020. */
export const formatYear: Rule = {
  id: 'format-year',
  run(ctx) {
    if (ctx.year === null) {
      return [
        {
          rule: 'format-year',
          status: 'unchecked',
          severity: 'info',
          cells: [],
          message: { zh: '未能识别报告年度', en: 'report year not found' },
        },
      ];
    }
    const expected = ctx.year >= 2021 ? '2021' : '2019';
    if (ctx.format === expected) {
      return [
        {
          rule: 'format-year',
          status: 'pass',
          severity: 'info',
          cells: [],
          message: {
            zh: `${ctx.year} 年度报告使用 ${ctx.format} 年版格式`,
            en: `${ctx.year} report in the ${ctx.format} format`,
          },
        },
      ];
    }
    // the headers that give the template away
    const telltale = ctx.format === '2019' ? oldTemplateHeaders(ctx.sections?.text ?? '') : [];
    const zhHeaders = telltale.length ? `（表中有“${telltale.slice(0, 4).join('”“')}”）` : '';
    const enHeaders = telltale.length ? ` (its tables have ${telltale.slice(0, 4).join(', ')})` : '';
    return [
      {
        rule: 'format-year',
        status: 'fail',
        severity: 'warning',
        cells: [],
        message: {
          zh: `${ctx.year} 年度报告应使用 ${expected} 年版格式，实际为 ${ctx.format} 年版${zhHeaders}`,
          en: `a ${ctx.year} report should use the ${expected} format, this one uses ${ctx.format}${enHeaders}`,
        },
      },
    ];
  },
};
