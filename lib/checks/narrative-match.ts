import type { Finding } from '../model';
import type { CheckContext, Rule } from './context';
import { cellName } from './names';

interface Statement {
  /** what the sentence claims, in its own terms */
  what: { zh: string; en: string };
  pattern: RegExp;
  /** the cells a figure may equal; each alternative is a sum of cells (收到 can mean new, or new + carried over) */
  targets: string[][];
  /** scope words that belong to this claim (其中 before 自然人) */
  allow?: string[];
  /** words that make a match a claim of another kind (办结 inside a 收到 match) */
  not?: RegExp;
}

const T3_ORGS = ['business', 'research', 'nonprofit', 'legal', 'other_org'];
const N = '(\\d[\\d,]*)';

const STATEMENTS: Statement[] = [
  {
    what: { zh: '正文所述收到申请数', en: 'applications received in the text' },
    pattern: new RegExp(
      `(?:收到|新收|受理|接收|接到|共收|收悉)[^。；;！？!?\\d中]{0,40}?(?:申请|依申请公开)[^。；;\\d、]{0,12}?${N}\\s*(?:件|条|份|个|宗)`,
      'g',
    ),
    targets: [['t3.new.total'], ['t3.new.total', 't3.carried_over.total']],
    not: /办结|答复|办理完|处理完/,
  },
  {
    what: { zh: '正文所述办结申请数', en: 'applications completed in the text' },
    pattern: new RegExp(
      `(?:办结|办理完毕|办理完成)(?:了)?(?:各类)?(?:政府信息公开|依申请公开|信息公开)?(?:申请)?(?:事项)?(?:共计|共|合计)?${N}\\s*件`,
      'g',
    ),
    targets: [['t3.total.total'], ['t3.new.total'], ['t3.new.total', 't3.carried_over.total']],
  },
  {
    what: { zh: '正文所述自然人申请数', en: 'applications from natural persons in the text' },
    pattern: new RegExp(`自然人(?:提出)?(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.new.natural'], ['t3.new.natural', 't3.carried_over.natural']],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述法人或其他组织申请数', en: 'applications from organisations in the text' },
    pattern: new RegExp(`法人(?:或|和|及)其他组织(?:提出)?(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [
      T3_ORGS.map((c) => `t3.new.${c}`),
      [...T3_ORGS.map((c) => `t3.new.${c}`), ...T3_ORGS.map((c) => `t3.carried_over.${c}`)],
    ],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述上年结转申请数', en: 'applications carried over in the text' },
    pattern: new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.carried_over.total']],
    allow: ['上年'],
  },
  {
    what: { zh: '正文所述结转下年度申请数', en: 'applications carried forward in the text' },
    pattern: new RegExp(`结转(?:至|到)?下(?:一)?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.carried_forward.total']],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述予以公开数', en: 'applications disclosed in the text' },
    pattern: new RegExp(`予以公开(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.granted.total']],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述予以公开及部分公开数', en: 'applications disclosed in full or in part, in the text' },
    pattern: new RegExp(`予以公开(?:及|和|与|、|或)部分公开(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.granted.total', 't3.partial.total']],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述部分公开数', en: 'applications partly disclosed in the text' },
    pattern: new RegExp(`(?<!予以公开(?:及|和|与|、|或))部分公开(?:的)?(?:申请)?(?:共)?${N}\\s*件`, 'g'),
    targets: [['t3.partial.total']],
    allow: ['其中'],
  },
  {
    what: { zh: '正文所述行政复议数', en: 'administrative reviews in the text' },
    pattern: /行政复议(?:案件|申请)?[^。；;，,、和及与\d诉]{0,8}?(\d+)\s*(?:件|起|宗|次)/g,
    targets: [['t4.review.total']],
  },
  {
    what: { zh: '正文所述行政诉讼数', en: 'lawsuits in the text' },
    pattern: /行政诉讼(?:案件)?[^。；;，,、和及与\d复]{0,8}?(\d+)\s*(?:件|起|宗|次)/g,
    targets: [['t4.suit_direct.total', 't4.suit_after_review.total']],
  },
  {
    what: { zh: '正文所述本年制发规范性文件数', en: 'normative documents issued, in the text' },
    pattern: new RegExp(`(?:制发|印发|出台|制定)(?:行政)?规范性文件(?:共)?${N}\\s*(?:件|份)`, 'g'),
    targets: [['t2.normative.issued']],
  },
  {
    what: { zh: '正文所述本年废止规范性文件数', en: 'normative documents repealed, in the text' },
    pattern: new RegExp(`废止(?:行政)?规范性文件(?:共)?${N}\\s*(?:件|份)`, 'g'),
    targets: [['t2.normative.repealed']],
  },
];

/** Words that put a sentence in another scope or period than the report's tables. */
const OTHER_SCOPE = [
  '本机关',
  '本单位',
  '本部门',
  '本级',
  '其中',
  '政府办',
  '办公室',
  '办公厅',
  '各部门',
  '各单位',
  '部门',
  '乡镇',
  '街道',
  '分别',
  '同比',
  '上年',
  '去年',
  '累计',
  '历年',
  '以来',
  '占',
];
const REGION = ['全区', '全市', '全县', '全省', '全镇', '全州', '全旗', '各级'];

function sentenceBefore(text: string, index: number): string {
  const start = Math.max(
    text.lastIndexOf('。', index),
    text.lastIndexOf('；', index),
    text.lastIndexOf('\n', index),
    index - 80,
  );
  return text.slice(start + 1, index);
}

function otherScope(sentence: string, organ: string | null, allow: string[] = []): boolean {
  const own = organ ?? '';
  if (OTHER_SCOPE.some((w) => sentence.includes(w) && !own.includes(w) && !allow.includes(w))) return true;
  // the text counts the whole region while the report is one office's
  return /办公室|办公厅|局|委员会/.test(own) && REGION.some((w) => sentence.includes(w));
}

/** Figures quoted in the text equal the table cells they name — where the text speaks of the same scope. */
export const narrativeMatch: Rule = {
  id: 'narrative-match',
  run(ctx: CheckContext) {
    const findings: Finding[] = [];
    const text = ctx.narrative.normalize('NFKC').replace(/[ \t\u00a0]+/g, '');
    for (const st of STATEMENTS) {
      if (st.targets.flat().some((k) => !ctx.cells.has(k))) continue; // a claim the format's tables don't count
      const quoted: { value: number; index: number; figure: string; end: number }[] = [];
      for (const m of text.matchAll(st.pattern)) {
        if (st.not?.test(m[0]) || otherScope(sentenceBefore(text, m.index!) + m[0], ctx.organ, st.allow)) continue;
        const end = m.index! + m[0].length;
        quoted.push({ value: Number(m[1].replace(/,/g, '')), index: m.index!, figure: m[1], end });
      }
      if (!quoted.length) continue;
      const cells = st.targets[0];
      // a sum of blank cells is not a printed 0: some tables leave a whole column empty
      const readable = st.targets.filter(
        (alt) =>
          alt.every((k) => ctx.cells.get(k)?.state === 'number' || ctx.cells.get(k)?.state === 'blank') &&
          alt.some((k) => ctx.cells.get(k)?.state === 'number'),
      );
      if (!readable.length) {
        findings.push({
          rule: 'narrative-match',
          status: 'unchecked',
          severity: 'info',
          cells,
          message: st.targets[0].every((k) => ctx.cells.get(k)?.state === 'blank')
            ? { zh: `${st.what.zh}：表中对应单元格为空`, en: `${st.what.en}: the table cells are empty` }
            : { zh: `${st.what.zh}：表中对应单元格无法读取`, en: `${st.what.en}: the table cells are unreadable` },
        });
        continue;
      }
      const sums = readable.map((alt) => alt.reduce((s, k) => s + (ctx.cells.get(k)?.value ?? 0), 0));
      const first = quoted[0];
      const matched = quoted.find((q) => sums.includes(q.value));
      // the sentence as far as the figure and its unit: what the page shows, and where the figure is marked
      const from = Math.max(
        0,
        first.index - 24,
        ...['。', '；', '\n'].map((c) => text.lastIndexOf(c, first.index) + 1),
      );
      const quote = text.slice(from, first.end).replace(/^[^\p{L}\p{N}]+/u, '');
      if (matched) {
        findings.push({
          rule: 'narrative-match',
          status: 'pass',
          severity: 'info',
          cells,
          expected: matched.value,
          actual: matched.value,
          message: {
            zh: `${st.what.zh} ${matched.value} 与表格一致`,
            en: `${st.what.en} (${matched.value}) matches the table`,
          },
        });
        continue;
      }
      findings.push({
        rule: 'narrative-match',
        status: 'fail',
        severity: 'warning',
        cells: readable[0],
        expected: sums[0],
        actual: first.value,
        quote: { text: quote, figure: first.figure },
        message: {
          zh: `${st.what.zh}为 ${first.value}（“${quote}”），而${readable[0].map((k) => cellName(ctx.format, k, 'zh')).join(' + ')} 为 ${sums[0]}${sums.length > 1 ? `（按其他口径为 ${sums.slice(1).join('、')}）` : ''}`,
          en: `${st.what.en} is ${first.value}, but ${readable[0].map((k) => cellName(ctx.format, k, 'en')).join(' + ')} is ${sums[0]}${sums.length > 1 ? ` (or ${sums.slice(1).join(', ')} counted otherwise)` : ''}`,
        },
      });
    }
    return findings;
  },
};
