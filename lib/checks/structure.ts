import { SECTIONS, sectionText, type SectionId } from '../extract/sections';
import { FORMATS } from '../format/layouts';
import type { Finding } from '../model';
import { type Rule, textFinding } from './context';

const named = (ids: SectionId[], lang: 'zh' | 'en') =>
  ids.map((id) => SECTIONS.find((s) => s.id === id)![lang]).join(lang === 'zh' ? '；' : '; ');

/** The six sections of the template, present and in order (the 2021 template: 不能遗漏). */
export const sectionsPresent: Rule = {
  id: 'sections',
  run(ctx) {
    const s = ctx.sections;
    if (!s) return [];
    const findings: Finding[] = [];
    if (s.missing.length)
      findings.push(
        textFinding('sections', 'fail', 'warning', {
          zh: `缺少章节：${named(s.missing, 'zh')}（年度报告格式要求六个部分齐全）`,
          en: `sections missing: ${named(s.missing, 'en')} (the template requires all six)`,
        }),
      );
    for (const { id, after } of s.outOfOrder)
      findings.push(
        textFinding('sections', 'fail', 'warning', {
          zh: `章节顺序不对：${named([id], 'zh')} 排在 ${named([after], 'zh')} 之前`,
          en: `sections out of order: ${named([id], 'en')} comes before ${named([after], 'en')}`,
        }),
      );
    if (!findings.length)
      findings.push(
        textFinding('sections', 'pass', 'info', {
          zh: '六个部分齐全，顺序正确',
          en: 'all six sections present, in order',
        }),
      );
    return findings;
  },
};

const NOTHING = /^(?:无|暂无|没有|无其他需要报告的事项|本年度无|无存在的问题)$/;

/** Section 五 says what went wrong and what is done about it: not empty, not 无, not a line. */
export const sectionFive: Rule = {
  id: 'section-five',
  run(ctx) {
    const s = ctx.sections;
    const text = s && sectionText(s, 'problems');
    if (text === null || text === undefined) return [];
    // what is left once punctuation, numbering and table remnants are taken out
    const substance = text
      .replace(/[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]+/g, '')
      .replace(/^[一二三四五六七八九十]+/, '');
    const quote = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    if (NOTHING.test(substance) || substance.length < 30)
      return [
        textFinding(
          'section-five',
          'fail',
          'warning',
          {
            zh: `第五部分“存在的主要问题及改进情况”几乎为空（${substance.length ? `“${quote}”` : '无内容'}）`,
            en: `section 5 (problems and improvements) is nearly empty (${substance.length} characters of text)`,
          },
          substance.length ? { quote: { text: quote } } : {},
        ),
      ];
    return [
      textFinding('section-five', 'pass', 'info', {
        zh: `第五部分有 ${substance.length} 字的内容`,
        en: `section 5 has ${substance.length} characters of text`,
      }),
    ];
  },
};

/** Words of a table's headers: when any is in the text, the table is there but was not read (a reading problem, said elsewhere). */
const HEADER_WORDS: Record<string, string[]> = {
  t2: ['本年制发件数', '现行有效件数', '本年新制作数量', '行政事业性收费', '处理决定数量'],
  t3: ['本年新收', '上年结转', '予以公开'],
  t4: ['复议后起诉', '直接起诉', '结果维持', '尚未审结'],
};

const TABLE_NAMES = {
  t2: { zh: '表二（主动公开政府信息情况）', en: 'Table 2 (proactive disclosure)' },
  t3: { zh: '表三（收到和处理政府信息公开申请情况）', en: 'Table 3 (applications)' },
  t4: { zh: '表四（行政复议、行政诉讼情况）', en: 'Table 4 (reviews and lawsuits)' },
} as const;

/** A table of the template that is not on the page as text: an image or an attachment, which nobody can check here. */
export const tableMissing: Rule = {
  id: 'table-missing',
  run(ctx) {
    const findings: Finding[] = [];
    for (const table of FORMATS[ctx.format].tables) {
      const keys = [...ctx.cells.keys()].filter((k) => k.startsWith(`${table.id}.`));
      if (!keys.length || !keys.every((k) => ctx.cells.get(k)?.state === 'unreadable')) continue;
      if (HEADER_WORDS[table.id]?.some((w) => ctx.sections?.text.includes(w))) continue;
      const name = TABLE_NAMES[table.id as keyof typeof TABLE_NAMES];
      const link = ctx.attachments?.[0];
      const where = link
        ? { zh: `附件：${link.text || link.href}`, en: `attachment: ${link.text || link.href}` }
        : ctx.images
          ? { zh: `本页有 ${ctx.images} 张图片`, en: `${ctx.images} images on the page` }
          : { zh: '页面上没有找到这张表', en: 'the table is not on the page' };
      findings.push(
        textFinding(
          'table-missing',
          'fail',
          'warning',
          {
            zh: `${name.zh}为图片/附件，无法核验（${where.zh}）`,
            en: `${name.en} is an image or an attachment and cannot be checked (${where.en})`,
          },
          link ? { href: link.href } : {},
        ),
      );
    }
    return findings;
  },
};

/** The 2019 template on a 2021-or-later report: names the headers that give it away. */
export function oldTemplateHeaders(text: string): string[] {
  return FORMATS['2019'].markers.filter((m) => text.includes(m));
}
