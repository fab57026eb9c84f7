import { demoteStrayLabels, isPageMarker, pushCell, pushMixed, type Token } from './tokens';

export interface TextRef {
  line: number;
}

const MD_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Tokens from a text dump: one cell per line, `|`-separated rows (crawler dumps, Markdown from
 * PDF converters), tab-indented cells grouped in paragraphs, or run-together text.
 */
export function tokensFromText(text: string): Token<TextRef>[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const tokens: Token<TextRef>[] = [];
  let rowId = 0;

  const pipeLines = lines.filter((l) => l.includes('|') && !MD_RULE.test(l));
  const nonEmptyCells = (l: string) => l.split('|').filter((c) => c.trim() !== '').length;
  // Some dumps put every cell on its own line followed by ` |` (and pad with `|||` lines):
  // there the pipes carry no row structure.
  const pipesAreRows =
    pipeLines.length > 0 && pipeLines.filter((l) => nonEmptyCells(l) >= 2).length >= pipeLines.length * 0.3;

  const pushFlat = (line: string, index: number) =>
    pushMixed(tokens, line, null, { line: index + 1 }, `line ${index + 1}`);

  let tabRow: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      tabRow = null; // a blank line ends a tab-indented paragraph row
      continue;
    }
    if (MD_RULE.test(line) || isPageMarker(line)) continue;

    if (line.includes('|') && pipesAreRows) {
      let cells = line.split('|');
      if (line.trimStart().startsWith('|')) cells = cells.slice(1);
      while (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
      if (!cells.length) continue;
      const row = ++rowId;
      const rowStart = tokens.length;
      cells.forEach((cell, c) => {
        const loc = `line ${i + 1}, cell ${c + 1}`;
        pushCell(tokens, cell, row, { line: i + 1 }, loc);
      });
      demoteStrayLabels(tokens, rowStart);
      continue;
    }
    if (line.includes('|')) {
      for (const cell of line.split('|')) if (cell.trim()) pushFlat(cell, i);
      continue;
    }
    if (line.startsWith('\t')) {
      // tab-indented cells: each line is a cell, a paragraph is a row; `\t` alone is a blank cell
      tabRow ??= ++rowId;
      const cell = line.trim();
      pushCell(tokens, cell, tabRow, { line: i + 1 }, `line ${i + 1}`);
      continue;
    }
    tabRow = null;
    pushFlat(line, i);
  }
  return tokens;
}
