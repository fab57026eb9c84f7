import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSource } from '../../cli/read-input';
import type { RenderedPage } from './render';

/** Real pages and seeds kept in the project (see test/fixtures/README.md). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export const readFixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

export function expectedOf(path: string): {
  year: number;
  organ: string;
  format: string;
  cells: Record<string, number | null>;
} {
  return JSON.parse(readFixture(path));
}

export const analyzeRendered = (page: RenderedPage, source = 'generated') =>
  analyzeSource(source, page.content, page.kind === 'html');

export const analyzeHtml = (html: string, source = 'snippet.html') => analyzeSource(source, html, true);
export const analyzeString = (text: string, source = 'snippet.txt') => analyzeSource(source, text, false);
