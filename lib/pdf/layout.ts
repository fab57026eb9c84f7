/**
 * A PDF page's text items, laid out again as lines of text: the items sharing a baseline make a
 * line, left to right; a gap wider than a character's width becomes a run of spaces as wide as the
 * gap (as `pdftotext -layout` prints it), so that a table row reads as cells apart. Pure: PDF.js
 * gives the items (cli/pdf.ts in Node), this turns them into text the text reader reads.
 */

export interface PdfTextItem {
  str: string;
  /** left edge and baseline, in page space turned upright (y grows downwards) */
  x: number;
  y: number;
  width: number;
  /** the font's size on the page */
  size: number;
}

export interface PdfLine {
  page: number;
  text: string;
}

/** Items whose baselines are this close (in font sizes) are one line. */
const SAME_LINE = 0.45;
/** Gaps narrower than this (in font sizes) join two items into one word: `202` `3` → `2023`. */
const SAME_WORD = 0.3;

export function layoutPage(items: PdfTextItem[], page: number): PdfLine[] {
  const visible = items.filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  visible.sort((a, b) => a.y - b.y || a.x - b.x);
  // a line is a run of baselines each close to the one before (cells of a row are not always on
  // exactly one baseline); a row's next line is a line's height below
  const lines: PdfTextItem[][] = [];
  let last: PdfTextItem | null = null;
  for (const item of visible) {
    const line = lines.at(-1);
    if (line && last && item.y - last.y <= SAME_LINE * Math.max(item.size, last.size)) line.push(item);
    else lines.push([item]);
    last = item;
  }
  return lines.map((line) => ({ page, text: lineText(line) }));
}

function lineText(line: PdfTextItem[]): string {
  line.sort((a, b) => a.x - b.x);
  const unit = Math.min(...line.map((i) => i.size)) / 2; // about the width of a digit
  let text = ' '.repeat(Math.max(0, Math.round(line[0].x / unit)));
  let end = line[0].x;
  for (const item of line) {
    const gap = item.x - end;
    const str = item.str.replace(/\s+/g, ' ');
    if (text.trim() === '') text += str.trimStart();
    else if (gap < SAME_WORD * item.size) text += str;
    else text += ' '.repeat(Math.max(2, Math.round(gap / unit))) + str.trimStart();
    end = Math.max(end, item.x + item.width);
  }
  return text.trimEnd();
}

const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Whether a PDF's text is text. A font without a ToUnicode map gives glyph numbers: read as
 * characters they are control codes, private-use characters, or (subset glyph numbers being small)
 * Latin letters. A report is Chinese: a page's worth of characters almost none of which is Chinese
 * is such a font, not a report's text.
 */
export function textIsGarbled(text: string): boolean {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length === 0) return false;
  const odd = chars.filter((c) => /[\u0000-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/u.test(c)).length;
  if (odd / chars.length > 0.05) return true;
  const chinese = chars.filter((c) => CHINESE.test(c)).length;
  return chars.length >= 200 && chinese / chars.length < 0.05;
}
