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

/** A PDF's text as lines, page by page, with PDF.js's Node build (loaded on the first PDF). */
export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  return pdfLinesWith(pdfjs, bytes, pdfjsData());
}
