/**
 * Text normalisation for matching. The original text is always kept for display;
 * these functions only produce keys to compare.
 */

/** Pinyin annotations that some mirrors insert after each character: `號(hào)`. */
const PINYIN_NOTE = /\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]{1,7})\)/g;

/** Text without the pinyin notes some mirrors insert: `動(dòng)` → `動`. */
export const stripPinyin = (text: string) => text.replace(PINYIN_NOTE, '');

/** NFKC folds full-width digits, letters, brackets and punctuation to ASCII, and ideographic space to space. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/**
 * A label reduced to what identifies it: NFKC, pinyin notes removed, every character that is
 * not a CJK ideograph, letter or digit removed (spaces, &nbsp;, line breaks, quotes, brackets,
 * numbering punctuation). `（二）部分公开（区分…）` → `二部分公开区分…`.
 */
export function labelKey(text: string): string {
  return foldWidth(text)
    .replace(PINYIN_NOTE, '')
    .replace(/[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]+/g, '')
    .toLowerCase();
}

/** Text with pinyin notes removed and white space folded, for reading sentences. */
export function plainText(text: string): string {
  return foldWidth(text)
    .replace(PINYIN_NOTE, '')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');
}

/** Why a cell could not be read. The code decides; the reason is for people. */
export type UnreadableCode =
  | 'not-a-number'
  | 'ambiguous-split'
  | 'contradicted-split'
  | 'row-unreadable'
  | 'table-missing'
  | 'not-found';

export type CellReading =
  | { kind: 'number'; value: number; unit?: string }
  | { kind: 'blank' }
  | { kind: 'unreadable'; code: UnreadableCode; reason: string };

/** A cell whose text is not a number (`若干`, `<script>`): unreadable, and the check says so. */
export const notANumber = (text: string): CellReading => ({
  kind: 'unreadable',
  code: 'not-a-number',
  reason: `not a number: "${text.trim().slice(0, 40)}"`,
});

const BLANK = /^(?:|-+|—+|–+|―+|\/|\\|无|無|空|\.|…+|－|\*)$/;
const UNITS = /(万元|元|件|条|项|个|次|万)$/;

/**
 * Reads one table cell. Blank markers (empty, dashes, slash, 无) are `blank`; a number may carry
 * thousands separators and a trailing unit; anything else is `unreadable`, never a guess.
 */
export function readCell(raw: string): CellReading {
  // most cells are plain digits: no normalisation needed
  if (/^\s*\d{1,15}\s*$/.test(raw)) return { kind: 'number', value: Number(raw) };
  const folded = foldWidth(raw).trim();
  // Two runs of digits with a space between are two figures in one cell (or one figure split we
  // cannot vouch for), unless the space groups thousands (`12 345`): never joined into one number.
  if (/\d[\s\u00a0]+\d/.test(folded) && !/^[-+]?\d{1,3}([\s\u00a0]\d{3})+(\.\d+)?(万元|元)?$/.test(folded))
    return notANumber(raw);
  let text = folded.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  if (BLANK.test(text)) return { kind: 'blank' };
  let unit: string | undefined;
  const unitMatch = UNITS.exec(text);
  if (unitMatch && unitMatch.index > 0) {
    unit = unitMatch[1];
    text = text.slice(0, unitMatch.index);
  }
  text = text.replace(/[−–—]/g, '-');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
  }
  return notANumber(raw);
}

/**
 * Characters that exist only in traditional script and are common in these reports.
 * Used to decide cheaply whether a page needs the traditional→simplified converter.
 */
const TRADITIONAL_HINTS =
  /[開資關請計總數處與機構報務規條項複訟況發廢現許強費結轉組織業實爲為級區縣會經濟產辦劃號類屬護稱審權協議檢驗維糾議職責應據頁當]/;

export function looksTraditional(text: string): boolean {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let hits = 0;
  const re = new RegExp(TRADITIONAL_HINTS.source, 'g');
  while (re.exec(sample)) if (++hits >= 5) return true;
  return false;
}
