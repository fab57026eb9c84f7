import type { Report } from '../model';
import { layoutPage, type PdfLine, type PdfTextItem, textIsGarbled } from './layout';

/** The part of PDF.js this reader uses: the CLI passes its Node build, the popup its browser build. */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument> };
  Util: { transform(a: number[], b: number[]): number[] };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { transform: number[] };
    getTextContent(): Promise<{ items: ({ str: string; transform: number[]; width: number } | object)[] }>;
    cleanup(): void;
  }>;
  destroy(): Promise<void>;
}

export class PdfUnreadable extends Error {}

/**
 * A PDF's text as lines, page by page, laid out from its text items' positions. Throws
 * PdfUnreadable when there is no text to read (scanned pages) or the text maps to no characters.
 */
export async function pdfLinesWith(
  pdfjs: PdfJs,
  bytes: Uint8Array,
  options: Record<string, unknown>,
): Promise<PdfLine[]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    ...options,
  }).promise;
  const lines: PdfLine[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // upright: a landscape page printed rotated reads left to right like any other
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const placed: { item: PdfTextItem; quarter: number }[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = pdfjs.Util.transform(viewport.transform, item.transform);
        // the way the text runs on the page as shown, in quarter turns (0: left to right)
        const quarter = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
        placed.push({ item: { str: item.str, x, y, width: item.width, size: Math.hypot(a, b) }, quarter });
      }
      lines.push(...layoutPage(upright(placed), p));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const text = lines.map((l) => l.text).join('\n');
  if (!text.trim()) throw new PdfUnreadable('no text layer: the PDF is scanned images (OCR is not done here)');
  if (textIsGarbled(text))
    throw new PdfUnreadable(
      "this PDF's text cannot be extracted (its fonts map no Chinese characters: no ToUnicode map); it may be scanned",
    );
  return lines;
}

/**
 * A page whose text runs sideways or upside down (a landscape table printed rotated, a scan of one
 * with its text layer) turned so that its text runs left to right: by the way most of its text runs.
 */
function upright(placed: { item: PdfTextItem; quarter: number }[]): PdfTextItem[] {
  const count = [0, 0, 0, 0];
  for (const { item, quarter } of placed) if (item.str.trim()) count[quarter] += item.str.length;
  const turn = count.indexOf(Math.max(...count));
  if (turn === 0) return placed.map((p) => p.item);
  const [cos, sin] = [Math.round(Math.cos((turn * Math.PI) / 2)), Math.round(Math.sin((turn * Math.PI) / 2))];
  return placed.map(({ item }) => ({ ...item, x: item.x * cos + item.y * sin, y: -item.x * sin + item.y * cos }));
}

/** The text the reader reads: the lines, one per line. */
export const pdfText = (lines: PdfLine[]) => lines.map((l) => l.text).join('\n');

/** A report read from `pdfText(lines)`: each cell's place says its page (`page 3, line 66`). */
export function withPages(report: Report, lines: PdfLine[]): Report {
  const onPage = (loc: string) =>
    loc.replace(/^line (\d+)/, (all, n: string) => {
      const line = lines[Number(n) - 1];
      return line ? `page ${line.page}, ${all}` : all;
    });
  for (const detail of Object.values(report.cellDetails)) detail.loc = onPage(detail.loc);
  for (const diagnostic of report.diagnostics) if (diagnostic.loc) diagnostic.loc = onPage(diagnostic.loc);
  return report;
}
