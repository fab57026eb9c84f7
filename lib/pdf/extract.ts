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
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , x, y] = pdfjs.Util.transform(viewport.transform, item.transform);
        items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(a, b) });
      }
      lines.push(...layoutPage(items, p));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  const text = lines.map((l) => l.text).join('\n');
  if (!text.trim()) throw new PdfUnreadable('no text layer: the PDF is scanned images (OCR is not done here)');
  if (textIsGarbled(text))
    throw new PdfUnreadable("this PDF's text cannot be extracted (its fonts map no characters); it may be scanned");
  return lines;
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
