import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type PdfJs, pdfLinesWith } from '../lib/pdf/extract';
import type { PdfLine } from '../lib/pdf/layout';

export { PdfUnreadable } from '../lib/pdf/extract';

/** PDF.js's data files (CJK character maps, standard fonts), beside its package. */
function pdfjsData() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/**
 * A PDF's text as lines, page by page, with PDF.js's Node build (loaded on the first PDF).
 * PDF.js inflates each compressed stream with DecompressionStream when there is one; in Node that
 * goes through web streams and zlib's thread pool chunk by chunk, and the reader mostly waits on it
 * (the first page of a Chromium-printed PDF, with its CJK font: 250–400 ms). Without it, PDF.js
 * inflates with its own code at once (100–190 ms). Nothing else in the CLI uses it, so it is hidden
 * from the process for good (not saved and put back around each PDF: PDFs read at once would race).
 */
export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  (globalThis as { DecompressionStream?: unknown }).DecompressionStream = undefined;
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  return pdfLinesWith(pdfjs, bytes, pdfjsData());
}
