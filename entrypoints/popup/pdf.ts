import { sitePattern } from '../../lib/detect';
import { type PdfJs, pdfLinesWith, pdfText, withPages } from '../../lib/pdf/extract';
import type { AnalyzeResult } from '../../lib/messages';
import type { Report } from '../../lib/model';

/** PDF.js's files copied into the extension (wxt.config.ts): its worker and its CJK character maps. */
const PDFJS_DIR = '/pdfjs/';

export class PdfReadError extends Error {
  constructor(
    readonly reason: 'permission' | 'fetch' | 'unreadable' | 'reader',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a PDF report in the popup: asks for the site's permission at this click (only that site),
 * fetches the file, lets PDF.js's own worker take its text apart, and has the background worker read
 * and check the text with the CLI's code. Nothing but that one file is requested.
 */
export async function readPdf(url: string, tabId?: number): Promise<Report> {
  const granted = await browser.permissions.request({ origins: [sitePattern(url)] }).catch(() => false);
  if (!granted) throw new PdfReadError('permission', new URL(url).hostname);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new PdfReadError('fetch', String(error));
  }
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = browser.runtime.getURL(`${PDFJS_DIR}pdf.worker.min.mjs` as '/popup.html');
  let lines: Awaited<ReturnType<typeof pdfLinesWith>>;
  try {
    lines = await pdfLinesWith(pdfjs as unknown as PdfJs, bytes, {
      cMapUrl: browser.runtime.getURL(`${PDFJS_DIR}cmaps/` as '/popup.html'),
    });
  } catch (error) {
    throw new PdfReadError('unreadable', error instanceof Error ? error.message : String(error));
  }
  const result = (await browser.runtime.sendMessage({
    type: 'analyze',
    url,
    content: { kind: 'text', text: pdfText(lines) },
  })) as AnalyzeResult | undefined;
  if (!result?.report) throw new PdfReadError('reader', 'the reader did not answer');
  const report = withPages(result.report, lines);
  if (tabId !== undefined)
    await browser.runtime
      .sendMessage({
        type: 'report-summary',
        tabId,
        errors: report.summary.errors,
        warnings: report.summary.warnings,
        status: report.status,
      })
      .catch(() => undefined);
  return report;
}
