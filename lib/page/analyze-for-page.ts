import { parse } from 'parse5';
import type { AnalyzeResult, PageContent } from '../messages';
import type { P5Node } from '../source/parse5';
import { planMarks } from './mark-plan';
import { analyzeMarkup, analyzePlainText, bodyElements } from './read-page';

/** What the background worker does for a content script: the CLI's reading, plus where to mark. */
export async function analyzeForPage(url: string, content: PageContent): Promise<AnalyzeResult> {
  if (content.kind === 'text') return { report: (await analyzePlainText(url, content.text)).report, marks: [] };
  const { report, cells, root } = await analyzeMarkupWithRoot(url, content.html);
  return { report, marks: report.status === 'checked' ? planMarks(report, cells, bodyElements(root)) : [] };
}

async function analyzeMarkupWithRoot(url: string, html: string) {
  const root = parse(html) as unknown as P5Node;
  const analysis = await analyzeMarkup(url, root);
  return { ...analysis, root };
}
