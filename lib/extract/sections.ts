import { foldWidth, stripPinyin } from '../text/normalize';

/** The six sections every report has, in order (both formats), with the wordings real reports use. */
export const SECTIONS = [
  { id: 'overview', zh: '一、总体情况', en: '1. Overview', pattern: /总体情况|概述/g },
  {
    id: 'proactive',
    zh: '二、主动公开政府信息情况',
    en: '2. Proactive disclosure',
    pattern: /主动公开政府信息(?:的|工作)?情况/g,
  },
  {
    id: 'requests',
    zh: '三、收到和处理政府信息公开申请情况',
    en: '3. Applications received and handled',
    pattern: /收到和处理(?:政府)?信息公开申请/g,
  },
  {
    id: 'appeals',
    zh: '四、政府信息公开行政复议、行政诉讼情况',
    en: '4. Administrative reviews and lawsuits',
    // 行政法复议 is a real report's typo
    pattern: /复议[、,和及与]*(?:提起)?行政诉讼(?:的)?(?:情况|案件情况)/g,
  },
  {
    id: 'problems',
    zh: '五、存在的主要问题及改进情况',
    en: '5. Main problems and improvements',
    // PDF converters drop heading lines; then `（一）主要问题` or `存在的主要问题` is what is left of it
    pattern:
      /(?:存在的?)?(?:主要)?(?:问题|不足)(?:及|和|与|、)?(?:的)?(?:改进|整改)(?:情况|措施|方向|计划|举措)?|存在的主要问题|主要问题/g,
  },
  { id: 'other', zh: '六、其他需要报告的事项', en: '6. Other matters', pattern: /其他需要报告的?事项/g },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export interface SectionAt {
  id: SectionId;
  /** where the heading starts and ends in the compacted text */
  start: number;
  end: number;
}

export interface Sections {
  /** the report's text, width-folded and without spaces, which `start`/`end` index */
  text: string;
  /** the sections found, in the order looked for */
  found: SectionAt[];
  missing: SectionId[];
  /** sections whose heading is only before the one that should precede them (`after`) */
  outOfOrder: { id: SectionId; after: SectionId }[];
}

/** Width-folded, spaces and tabs removed, line breaks kept: the form every text check reads. */
export const compactText = (text: string) =>
  stripPinyin(foldWidth(text)).replace(/[ \t\u00a0\u3000\u200b\ufeff]+/g, '');

// what may stand between the start of a line (or a sentence) and a heading: its numbering, and the
// words some templates put before the heading's key words
const NUMBERING =
  /(?:^|[\n。；;:：|!！?？])[第(（]?[一二三四五六七八九十\d]{0,3}[)）]?(?:部分)?[、.,，．]?(?:政府信息公开(?:工作)?|因政府信息公开工作被申请行政|行政机关|本机关|政府信息公开行政)?$/;

interface Match {
  start: number;
  end: number;
  heading: boolean;
}

function matches(text: string, pattern: RegExp): Match[] {
  return [...text.matchAll(pattern)].map((m) => {
    const numbering = NUMBERING.exec(text.slice(Math.max(0, m.index - 24), m.index));
    // a heading starts at its numbering (`六、`), after the line break or full stop before it
    const prefix = numbering ? numbering[0].replace(/^[\n。；;:：|!！?？]/, '').length : 0;
    return { start: m.index - prefix, end: m.index + m[0].length, heading: !!numbering };
  });
}

/**
 * Finds the six sections in order. Each is taken at its first heading after the previous section
 * (or its first mention there); lenient by design: a section counts as present when its heading is there in any wording we know,
 * so that a warning about a missing section is never a false alarm on an odd layout.
 */
export function findSections(text: string): Sections {
  const compact = compactText(text);
  const found: SectionAt[] = [];
  const missing: SectionId[] = [];
  const outOfOrder: Sections['outOfOrder'] = [];
  let after = 0;
  for (const section of SECTIONS) {
    const at = matches(compact, section.pattern);
    if (!at.length) {
      missing.push(section.id);
      continue;
    }
    // a preamble that lists the six sections mentions them all first: the heading after the previous
    // section is the one; a mere mention there will do when the heading's line was lost
    const later = at.filter((p) => p.start >= after);
    const next = later.find((p) => p.heading) ?? later[0];
    const earlierHeading = at.find((p) => p.heading);
    if (next) {
      found.push({ id: section.id, start: next.start, end: next.end });
      after = next.end;
    } else if (earlierHeading) {
      found.push({ id: section.id, start: earlierHeading.start, end: earlierHeading.end });
      outOfOrder.push({ id: section.id, after: found.at(-2)?.id ?? section.id });
    } else {
      // only words of it, earlier in the text (the overview mentions 存在的主要问题): not a section
      missing.push(section.id);
    }
  }
  return { text: compact, found, missing, outOfOrder };
}

/** The text of a section: from its heading's end to the next section found after it (or the end). */
export function sectionText(sections: Sections, id: SectionId): string | null {
  const at = sections.found.find((s) => s.id === id);
  if (!at) return null;
  const next = sections.found
    .filter((s) => s.start > at.start)
    .reduce((min, s) => Math.min(min, s.start), sections.text.length);
  return sections.text.slice(at.end, next);
}
