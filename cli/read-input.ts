import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AnalyzeOptions, Analysis } from '../lib/index';
import { analyzeMarkup, analyzePlainText } from '../lib/page/read-page';
import { pdfText, withPages } from '../lib/pdf/extract';
import { pdfLines, PdfUnreadable } from './pdf';

export class InputError extends Error {}

export const ACCEPTED = ['.html', '.htm', '.txt', '.md', '.markdown', '.text', '.pdf'];

const isPdf = (bytes: Uint8Array) => bytes.length > 5 && new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';

/** Decodes a file as UTF-8 (with or without BOM), else GBK/GB18030; rejects binary and empty files. */
export function decode(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: empty file`);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(`${name}: binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${name}: not UTF-8 or GBK text`);
    }
  }
}

export function isHtml(name: string, text: string): boolean {
  const ext = extname(name).toLowerCase();
  if (ext === '.html' || ext === '.htm') return true;
  if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '.text') return false;
  return /<(table|p|div|html|body)[\s>]/i.test(text.slice(0, 5000));
}

export async function analyzeSource(
  source: string,
  text: string,
  html: boolean,
  options?: AnalyzeOptions,
): Promise<Analysis<unknown>> {
  return html ? analyzeMarkup(source, text, options) : analyzePlainText(source, text, options);
}

/** A file's bytes, checked and read; rejects with an InputError that says why not. */
export async function readInput(path: string): Promise<Uint8Array> {
  const ext = extname(path).toLowerCase();
  if (ext && !ACCEPTED.includes(ext))
    throw new InputError(`${path}: unsupported file type ${ext} (accepted: ${ACCEPTED.join(' ')})`);
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error)}`,
    );
  }
}

/** Reads and checks a file that `readInput` read. */
export function analyzeBytes(path: string, bytes: Uint8Array, options?: AnalyzeOptions): Promise<Analysis<unknown>> {
  if (isPdf(bytes)) return analyzePdf(path, bytes, options);
  if (extname(path).toLowerCase() === '.pdf') throw new InputError(`${path}: not a PDF file`);
  const text = decode(bytes, path);
  return analyzeSource(path, text, isHtml(path, text), options);
}

export async function analyzeFile(path: string, options?: AnalyzeOptions): Promise<Analysis<unknown>> {
  return analyzeBytes(path, await readInput(path), options);
}

/**
 * A PDF: its text items laid out as lines (lib/pdf), read like any text; each cell's place says
 * the page it is on. A PDF without usable text is an InputError that says so.
 */
async function analyzePdf(path: string, bytes: Uint8Array, options?: AnalyzeOptions): Promise<Analysis<unknown>> {
  let lines: Awaited<ReturnType<typeof pdfLines>>;
  try {
    lines = await pdfLines(bytes);
  } catch (error) {
    if (error instanceof PdfUnreadable) throw new InputError(`${path}: ${error.message}`);
    throw new InputError(`${path}: not a readable PDF (${String(error).slice(0, 120)})`);
  }
  const analysis = await analyzePlainText(path, pdfText(lines), options);
  return { ...analysis, report: withPages(analysis.report, lines) };
}
