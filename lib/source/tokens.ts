import { labelKey, notANumber, readCell, type CellReading } from '../text/normalize';

/**
 * A page becomes a flat sequence of tokens in reading order: labels and value cells.
 * Tokens from a real table row share a `row` id, so a row's values stay with its label;
 * tokens from flattened text (one cell per line or paragraph) have `row: null`.
 */
export interface Token<Ref = unknown> {
  /** original text, for display */
  text: string;
  /** normalised label key (see labelKey); empty for values */
  key: string;
  /** null for a label; the reading for a value cell */
  value: CellReading | null;
  row: number | null;
  /** where it came from on the page: an element in the browser, a line number in text */
  ref: Ref;
  /** human-readable location for the JSON export */
  loc: string;
  /** digits printed straight after a label with no space (`规章000`): a whole row run together */
  glued?: boolean;
}

export function makeToken<Ref>(text: string, row: number | null, ref: Ref, loc: string, asValue?: boolean): Token<Ref> {
  const reading = readCell(text);
  const isValue = asValue ?? reading.kind !== 'unreadable';
  return { text, key: isValue ? '' : labelKey(text), value: isValue ? reading : null, row, ref, loc };
}

/**
 * Splits a run of text that mixes labels and digits, as crawler dumps and flattened tables do
 * (`规章000行政规范性文件77132470`), into label and value pieces. A digit directly before
 * `.`/`、` and a non-digit is list numbering (`…00000002.其他法律…`): it stays with the label.
 */
export function splitMixed(text: string): { text: string; isValue: boolean; glued?: boolean }[] {
  const folded = text.normalize('NFKC');
  // NFKC can change length (rarely, e.g. ligatures); fall back to treating the line as one piece then.
  if (folded.length !== text.length) return [{ text, isValue: readCell(text).kind !== 'unreadable' }];
  const pieces: { text: string; isValue: boolean; glued?: boolean }[] = [];
  const run = /\d(?:[\d,.-]*\d)?(?:\s*(?:万元|元))?/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = run.exec(folded))) {
    let start = m.index;
    let end = m.index + m[0].length;
    // a minus sign that starts a signed value (2019 format 本年增/减: `-18`)
    if (start > 0 && folded[start - 1] === '-' && (start < 2 || !/\d/.test(folded[start - 2]))) start -= 1;
    const after = folded.slice(end, end + 2);
    let numbered = false;
    if (/^[.、][^\d]/.test(after) || (after[0] === '.' && after.length === 1)) {
      numbered = true;
      // numbering: the last digit belongs to the following label
      end -= 1;
      run.lastIndex = end + 1; // resume after the numbering digit
      if (end <= start) continue;
    }
    // digits that are part of a word (第711号, 2023年, 12345热线, x=5, alert(1)) stay in the label:
    // a cell's figure stands between Han text, spaces, brackets and list punctuation. The next
    // character past white space is found without copying the rest of a long run-together line.
    let at = end;
    while (at < folded.length && /\s/.test(folded[at])) at++;
    const next = folded[at] ?? '';
    // a signed value after it (`18 -1 1721`, 2019 format 本年增/减) is the next cell, not part of a word
    const signedNext = next === '-' && /\d/.test(folded[at + 1] ?? '');
    const prev = folded[start - 1] ?? '';
    if (/[年月日号期届次岁%‰]/.test(next) || prev === '第') continue;
    if (prev && !/[\s\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff）)：:、，,。；;|\]】”"’'」』》〉]/.test(prev)) continue;
    if (
      next &&
      !numbered &&
      !signedNext &&
      !/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\d（(、，,。；;|[【“"‘'「『《〈]/.test(next)
    )
      continue;
    if (start > last) pieces.push({ text: text.slice(last, start), isValue: false });
    pieces.push({
      text: text.slice(start, end),
      isValue: true,
      glued: start > 0 && /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff）)”"]/.test(prev),
    });
    last = end;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), isValue: false });
  return pieces.filter((p) => p.text.trim() !== '');
}

/** A table cell: blank, a value, a label, or a label with digits run into it (split). */
export function pushCell<Ref>(tokens: Token<Ref>[], raw: string, row: number | null, ref: Ref, loc: string): void {
  const text = raw.trim();
  if (text === '' || /^[\s\u00a0\u3000]*$/.test(raw)) {
    tokens.push(makeToken('', row, ref, loc, true));
    return;
  }
  const single = makeToken(text, row, ref, loc);
  if (single.value) {
    tokens.push(single);
    return;
  }
  const pieces = splitMixed(text);
  if (pieces.length <= 1) tokens.push(single);
  else pushPieces(tokens, pieces, row, ref, loc);
}

/** A line of text (or a cell) that may mix labels and digits: one token per piece. */
export function pushMixed<Ref>(tokens: Token<Ref>[], text: string, row: number | null, ref: Ref, loc: string): void {
  pushPieces(tokens, splitMixed(text), row, ref, loc);
}

function pushPieces<Ref>(
  tokens: Token<Ref>[],
  pieces: ReturnType<typeof splitMixed>,
  row: number | null,
  ref: Ref,
  loc: string,
): void {
  for (const piece of pieces) {
    const token = makeToken(piece.text.trim(), row, ref, loc, piece.isValue);
    tokens.push(piece.glued ? { ...token, glued: true } : token);
  }
}

/** Page numbers that PDF converters leave between table rows: `— 5 —`, `- 3 -`, `第 2 页 共 9 页`, `4/9`. */
export function isPageMarker(line: string): boolean {
  const s = line.normalize('NFKC').trim();
  return (
    /^[-—–―]+\s*\d{1,4}\s*[-—–―]+$/.test(s) ||
    /^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(s) ||
    /^\d{1,4}\s*\/\s*\d{1,4}$/.test(s) ||
    /^page\s*\d+(\s*of\s*\d+)?$/i.test(s)
  );
}

/**
 * In a table row, text after the row's first number is a cell that should hold a number, not a
 * label (labels come first): `若干`, `<script>…`. It becomes an unreadable value, so the check
 * says "not a number" instead of the row falling apart. Text naming something (four Han
 * characters in a row) stays a label.
 */
export function demoteStrayLabels<Ref>(tokens: Token<Ref>[], rowStart: number): void {
  let seenValue = false;
  for (let i = rowStart; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.value) {
      seenValue ||= t.value.kind === 'number';
      continue;
    }
    if (seenValue && !/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{4}/.test(t.text)) {
      tokens[i] = { ...t, key: '', value: notANumber(t.text) };
    }
  }
}
