import type { Finding } from '../model';
import { type Rule, textFinding } from './context';

const STATISTICS_PERIOD = /统计(?:期限|时限|时间|周期|区间)[^。；\n]{0,14}?((?:19|20)\d{2})/;

/** The report's year, its 统计期限 sentence, and its dates agree: a report for 2023 is not out before 2024. */
export const reportDates: Rule = {
  id: 'report-dates',
  run(ctx) {
    if (ctx.year === null) return [];
    const year = ctx.year;
    const findings: Finding[] = [];
    const text = ctx.sections?.text ?? '';
    const period = STATISTICS_PERIOD.exec(text);
    if (period && Number(period[1]) !== year) {
      const quote = text.slice(period.index, text.indexOf('\n', period.index) >>> 0).slice(0, 60);
      findings.push(
        textFinding(
          'report-dates',
          'fail',
          'warning',
          {
            zh: `报告年度为 ${year}，统计期限却写 ${period[1]} 年（“${quote}”）`,
            en: `a ${year} report whose statistics period says ${period[1]}`,
          },
          { quote: { text: quote, figure: period[1] } },
        ),
      );
    }
    const yearEnd = `${year + 1}-01-01`;
    const early = [
      { date: ctx.dates?.published, zh: '发布日期', en: 'published' },
      { date: ctx.dates?.signed, zh: '落款日期', en: 'signed' },
    ].filter((d) => d.date && d.date < yearEnd);
    for (const d of early)
      findings.push(
        textFinding('report-dates', 'fail', 'warning', {
          zh: `${year} 年度报告的${d.zh}为 ${d.date}，早于该年度结束`,
          en: `a ${year} report ${d.en} on ${d.date}, before the year ended`,
        }),
      );
    if (!findings.length && (period || ctx.dates?.published || ctx.dates?.signed))
      findings.push(
        textFinding('report-dates', 'pass', 'info', {
          zh: `统计期限与日期均与 ${year} 年度相符`,
          en: `the statistics period and dates agree with ${year}`,
        }),
      );
    return findings;
  },
};

/** What kind of body a name suggests; a guess, and said as one. */
function bodyKind(organ: string): { deadline: string; zh: string; en: string } {
  if (/(?:乡|镇|街道|街道办事处|乡人民政府|镇人民政府)$/.test(organ))
    return { deadline: '01-31', zh: '乡镇、街道', en: 'a township or street office' };
  // a region's name alone (平潭综合实验区, 某某县) is its government's report
  if (
    /(?:人民政府|政府|管委会|管理委员会|行政公署|省|市|县|区|州|盟|旗|实验区|新区)$/.test(organ) &&
    !/办公室|办公厅|局|委员会|委|厅|院|中心/.test(organ)
  )
    return { deadline: '03-31', zh: '县级以上人民政府', en: 'a government at county level or above' };
  return { deadline: '01-31', zh: '政府部门', en: 'a government department' };
}

/** 条例 第五十条: departments publish by 1月31日, governments by 3月31日 of the next year. */
export const publicationDeadline: Rule = {
  id: 'publication-deadline',
  run(ctx) {
    const published = ctx.dates?.published;
    // the body the report is of: the title's name (a CMS's publisher is often the office that posted it)
    const organ = ctx.names?.title ?? ctx.organ;
    if (ctx.year === null || !published || !organ) return [];
    const kind = bodyKind(organ);
    const deadline = `${ctx.year + 1}-${kind.deadline}`;
    const by = kind.deadline === '01-31' ? { zh: '1月31日', en: '31 January' } : { zh: '3月31日', en: '31 March' };
    if (published <= deadline)
      return [
        textFinding('publication-deadline', 'pass', 'info', {
          zh: `发布于 ${published}，在 ${by.zh} 之前`,
          en: `published ${published}, by ${by.en}`,
        }),
      ];
    return [
      textFinding('publication-deadline', 'fail', 'info', {
        zh: `发布于 ${published}，晚于 ${ctx.year + 1} 年 ${by.zh}（按名称“${organ}”推测为${kind.zh}，仅供参考）`,
        en: `published ${published}, after ${by.en} ${ctx.year + 1} (guessing from its name that ${organ} is ${kind.en})`,
      }),
    ];
  },
};

const ABBREVIATIONS: [RegExp, string][] = [
  [/人民政府/g, '政府'],
  [/管理委员会/g, '管委会'],
  [/办公室|办公厅/g, '办'],
  [/委员会/g, '委'],
];
const short = (name: string) => ABBREVIATIONS.reduce((s, [re, to]) => s.replace(re, to), name);

/** `市府办` abbreviates `市人民政府办公室`: its characters appear in order in the long form. */
function abbreviates(a: string, b: string): boolean {
  const [s, l] = short(a).length <= short(b).length ? [short(a), short(b)] : [short(b), short(a)];
  let i = 0;
  for (const ch of l) if (ch === s[i]) i++;
  return i === s.length;
}

/** The body in the title, the publisher metadata and the signature: the same body, however abbreviated. */
export const organNames: Rule = {
  id: 'organ-names',
  run(ctx) {
    const names = ctx.names;
    if (!names) return [];
    const seen = [
      { name: names.title, zh: '标题', en: 'title' },
      { name: names.publisher, zh: '发布机构', en: 'publisher' },
      { name: names.signature, zh: '落款', en: 'signature' },
    ].filter((n): n is { name: string; zh: string; en: string } => !!n.name);
    if (seen.length < 2) return [];
    const differ: string[][] = [];
    for (let i = 0; i < seen.length; i++)
      for (let j = i + 1; j < seen.length; j++)
        if (!abbreviates(seen[i].name, seen[j].name)) differ.push([seen[i].zh, seen[j].zh]);
    const listZh = seen.map((n) => `${n.zh}“${n.name}”`).join('、');
    const listEn = seen.map((n) => `${n.en} "${n.name}"`).join(', ');
    if (!differ.length)
      return [
        textFinding('organ-names', 'pass', 'info', { zh: `机关名称一致：${listZh}`, en: `same body: ${listEn}` }),
      ];
    return [
      textFinding('organ-names', 'fail', 'info', {
        zh: `机关名称不一致：${listZh}`,
        en: `the body is named differently: ${listEn}`,
      }),
    ];
  },
};
