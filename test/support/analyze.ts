import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSource } from '../../cli/read-input';
import type { RenderedPage } from './render';

export const SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../shared');

export const readShared = (path: string) => readFileSync(join(SHARED, path), 'utf8');

export function expectedOf(path: string): { year: number; organ: string; format: string; cells: Record<string, number | null> } {
  return JSON.parse(readShared(path));
}

export const analyzeRendered = (page: RenderedPage, source = 'generated') => analyzeSource(source, page.content, page.kind === 'html');

export const analyzeHtml = (html: string, source = 'snippet.html') => analyzeSource(source, html, true);
export const analyzeString = (text: string, source = 'snippet.txt') => analyzeSource(source, text, false);
