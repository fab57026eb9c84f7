import type { Token } from '../source/tokens';

/** Parts distinctive enough to mark a table wherever they occur in a label. */
const TABLE_MARKS = ['第二十条第', '勾稽关系', '本年新收政府信息公开申请'];
const HEADING_PREFIX =
  /^[一二三四五六七八九十\d]*(?:表[二三四])?(?:政府信息公开工作|因政府信息公开工作被申请|因政府信息公开被申请|政府信息公开)?/;

/**
 * A table's heading or header cell: a label that starts (after its numbering) with one of
 * `parts`, or holds a distinctive table mark. In run-together text, where a whole table is one
 * long run, a numbered heading inside the run counts too.
 */
const isHeading = (t: Token, ...parts: string[]) => {
  if (t.value) return false;
  return parts.some((p) => {
    const at = t.key.indexOf(p);
    if (at < 0) return false;
    if (TABLE_MARKS.includes(p)) return true;
    if (t.key.length <= 40) return t.key.replace(HEADING_PREFIX, '').startsWith(p);
    return /[一二三四五六][^一二三四五六]{0,6}$/.test(t.key.slice(Math.max(0, at - 8), at));
  });
};

/** Where each table starts in the token stream (-1 when not found). */
export function findRegions(tokens: Token[]): Record<'t2' | 't3' | 't4', number> {
  const find = (from: number, pred: (t: Token) => boolean) => {
    for (let i = Math.max(0, from); i < tokens.length; i++) if (pred(tokens[i])) return i;
    return -1;
  };
  // 第二十条第（一）项 heads table 二; the section heading is the fallback (section 一 often has a
  // sub-heading of the same words, so it comes second)
  let t2 = find(0, (t) => isHeading(t, '第二十条第'));
  if (t2 < 0) t2 = find(0, (t) => isHeading(t, '主动公开政府信息情况'));
  const t3 = find(t2, (t) =>
    isHeading(t, '收到和处理政府信息公开申请', '勾稽关系', '申请人情况', '本年新收政府信息公开申请'),
  );
  if (t2 < 0 && t3 >= 0) t2 = find(0, (t) => isHeading(t, '信息内容'));
  const t4 = find(t3 < 0 ? t2 : t3 + 1, (t) => isHeading(t, '行政复议', '行政诉讼'));
  return { t2, t3, t4 };
}
