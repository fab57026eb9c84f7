import { isOtherDocumentTitle } from '../detect';
import { plainText } from '../text/normalize';

const REPORT_TITLE = /政府信息公开(?:工作)?(?:年度)?(?:工作)?(?:年度报告|年报|报告)/;
const LABEL_PREFIX = /^\s*(?:[-*•]\s*)?(?:标题|名称|题目|文章标题|title)\s*[:：]\s*/i;
const ORGAN_SUFFIX =
  /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|管委会|管理委员会|委员会|人民法院|人民检察院|局|厅|委|署|办|院|中心|政府|街道办事处|办事处|镇|乡|街道|部|会|所|站|队|馆)$/;
const STOP_WORDS =
  /(以|坚持|在|围绕|按照|深入|认真|全面|始终|持续|紧紧|紧扣|严格|聚焦|进一步|不断|牢固|切实|积极|扎实|着力|高度|贯彻|立足|把|将|继续|共|全年|通过|结合|依托|严格|扎实|主动|紧密|秉持|锚定)/;

function cleanOrgan(s: string): string | null {
  const organ = s.replace(/[\s\u3000]+/g, '').replace(/^[：:、，,]+|[：:、，,]+$/g, '');
  if (organ.length < 2 || organ.length > 30) return null;
  if (!/^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff（）()·]+$/.test(organ)) return null;
  return organ;
}

/** The longest prefix of `s` that ends in an organ suffix. */
function organPrefix(s: string): string | null {
  for (let end = Math.min(s.length, 30); end >= 2; end--) {
    const candidate = s.slice(0, end);
    if (ORGAN_SUFFIX.test(candidate)) return cleanOrgan(candidate);
  }
  return null;
}

export function findTitle(lines: string[], hint?: string | null): string | null {
  const candidates = hint ? [hint, ...lines.slice(0, 60)] : lines.slice(0, 60);
  for (let i = 0; i < candidates.length; i++) {
    const line = plainText(candidates[i]).replace(LABEL_PREFIX, '').trim();
    if (line.length > 160 || !REPORT_TITLE.test(line)) continue;
    // a notice about reports is named by its own title, not by a report's
    if (i > 0 && isOtherDocumentTitle(line)) continue;
    if (/^(根据|按照|本报告|本年度报告|依据|现将|现发布|为)/.test(line)) continue;
    // a title printed over two lines: `…政府信息公开工作` / `年度报告`
    // page titles carry the site and column: `…年度报告_政府信息公开年报_某某网`
    const parts = line.split(/([_|｜]|\s[-—]\s|-)/);
    const at = parts.findIndex((part, i) => i % 2 === 0 && REPORT_TITLE.test(part));
    return at < 0
      ? line
      : parts
          .slice(0, at + 1)
          .join('')
          .trim();
  }
  // split title: a line ending in 政府信息公开工作 followed by 年度报告
  for (let i = 0; i + 1 < Math.min(lines.length, 60); i++) {
    const a = plainText(lines[i]).trim();
    const b = plainText(lines[i + 1]).trim();
    if (/政府信息公开(工作)?$/.test(a) && /^(年度)?报告$/.test(b)) return a + b;
  }
  return null;
}

export function findYear(title: string | null, text: string): number | null {
  const fromTitle = title && /((?:19|20)\d{2})\s*年/.exec(plainText(title));
  if (fromTitle) return Number(fromTitle[1]);
  const flat = plainText(text);
  const period =
    /统计(?:期限|时限|时间)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(flat) ??
    /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|-)/.exec(flat);
  if (period) return Number(period[1]);
  const overview = flat.indexOf('总体情况');
  const after = /((?:19|20)\d{2})\s*年/.exec(overview >= 0 ? flat.slice(overview) : flat);
  return after ? Number(after[1]) : null;
}

/** The page's own publisher metadata (ContentSource, 发布机构), cleaned; null when it names no body. */
export function findPublisher(metaSource: string | null | undefined): string | null {
  return metaSource ? cleanOrgan(plainText(metaSource)) : null;
}

/**
 * The body the report is of. The title names it best (a CMS's publisher field often holds the
 * office that posted it: 市府办 for 莆田市人民政府's report), unless the publisher names the same
 * body more precisely; then the publisher metadata, a 发布机构 line, the signature, the overview's subject.
 */
export function findOrgan(lines: string[], title: string | null, metaSource?: string | null): string | null {
  const fromTitle = title && !isOtherDocumentTitle(title) ? organOfTitle(lines, title) : null;
  const publisher = findPublisher(metaSource);
  // the publisher field may name the same body more precisely (平潭综合实验区 → 平潭综合实验区管委会办公室)
  if (fromTitle) return publisher?.startsWith(fromTitle) ? publisher : fromTitle;
  if (publisher) return publisher;
  for (const raw of lines.slice(0, 40)) {
    const m = /^\s*(?:[-*•]\s*)?(?:发布机构|发文机关|发布单位|发文单位)\s*[:：]\s*(.*)$/.exec(plainText(raw));
    if (m) {
      const organ = cleanOrgan(m[1].split(/\s{2,}|发布时间|发文日期/)[0]);
      if (organ) return organ;
    }
  }
  // the signature: an organ line followed by a date at the end
  const tail = lines
    .map((l) => plainText(l).trim())
    .filter(Boolean)
    .slice(-6);
  for (let i = tail.length - 2; i >= 0; i--) {
    if (/^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(tail[i + 1])) {
      const organ = cleanOrgan(tail[i]);
      if (organ && ORGAN_SUFFIX.test(organ)) return organ;
    }
  }
  // the subject of the overview: `2023年，X以…`
  const flat = lines.map((l) => plainText(l)).join('\n');
  const overview = flat.indexOf('总体情况');
  const m = /(?:19|20)\d{2}\s*年\s*[，,]?\s*([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,30})/.exec(
    overview >= 0 ? flat.slice(overview) : flat,
  );
  if (m) {
    const subject = m[1].split(STOP_WORDS)[0];
    const organ = organPrefix(subject);
    if (organ && !/^(我|本)/.test(organ)) return organ;
  }
  return null;
}

function organOfTitle(lines: string[], title: string): string | null {
  // `X2023年政府信息公开…` or `2019年X政府信息公开…`
  const t = plainText(title).replace(/\s+/g, '');
  const before = /^(.*?)(?:(?:19|20)\d{2})年度?/.exec(t);
  if (before?.[1]) {
    const organ = cleanOrgan(before[1].replace(/关于/, ''));
    if (organ) return organ;
  }
  const between = /(?:19|20)\d{2}年度?(.*?)政府信息公开/.exec(t);
  if (between?.[1]) {
    const organ = cleanOrgan(between[1]);
    if (organ) return organ;
  }
  // the organ on its own line above a title that starts with the year
  const titleIndex = lines.findIndex((l) => plainText(l).replace(/\s+/g, '').includes(t.slice(0, 12)));
  for (let i = titleIndex - 1; i >= Math.max(0, titleIndex - 3); i--) {
    const organ = cleanOrgan(lines[i]);
    if (organ && ORGAN_SUFFIX.test(organ)) return organ;
  }
  return null;
}

const DATE = /((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const isoDate = (m: RegExpExecArray) => {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** When the page says it was published: its PubDate metadata, or a 发布日期/发布时间 line near the top. */
export function findPublished(lines: string[], hint?: string | null): string | null {
  const fromHint = hint ? DATE.exec(plainText(hint)) : null;
  if (fromHint) return isoDate(fromHint);
  for (const raw of lines.slice(0, 40)) {
    const m =
      /(?:发布|发文|公开|成文)(?:日期|时间)\s*[:：]?\s*((?:19|20)\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2})/.exec(
        plainText(raw),
      );
    const date = m && DATE.exec(m[1]);
    if (date) return isoDate(date);
  }
  return null;
}

/** The signature at the report's end: the body on one line (when there is one) and the date under it. */
export function findSignature(lines: string[]): { organ: string | null; date: string | null } {
  const tail = lines
    .map((l) => plainText(l).trim())
    .filter(Boolean)
    .slice(-4);
  for (let i = tail.length - 1; i >= 0; i--) {
    const m = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(tail[i]);
    if (!m) continue;
    const organ = i > 0 ? cleanOrgan(tail[i - 1]) : null;
    return { organ: organ && ORGAN_SUFFIX.test(organ) ? organ : null, date: isoDate(m) };
  }
  return { organ: null, date: null };
}

/** The body as the title names it (`X2023年政府信息公开…`), or null. */
export function organNamedByTitle(lines: string[], title: string | null): string | null {
  return title && !isOtherDocumentTitle(title) ? organOfTitle(lines, title) : null;
}
