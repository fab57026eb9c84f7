import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { layoutPage, type PdfLine, type PdfTextItem, textIsGarbled } from '../lib/pdf/layout';

export class PdfUnreadable extends Error {}

/** PDF.js's data files (CJK character maps, standard fonts), beside its package. */
function pdfjsData() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** A PDF's text as lines, page by page, laid out from its text items' positions. */
export async function pdfLines(bytes: Uint8Array): Promise<PdfLine[]> {
  const { getDocument, Util } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsData(),
    cMapPacked: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
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
        const [a, b, , , x, y] = Util.transform(viewport.transform, item.transform);
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
