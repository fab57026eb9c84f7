import { parse } from 'parse5';
import type { AnalyzeOptions } from '../analyze';
import type { AnalyzeResult, PageContent } from '../messages';
import type { P5Node } from '../source/parse5';
import { planMarks } from './mark-plan';
import { analyzeMarkup, analyzePlainText, bodyElements } from './read-page';

/** What the background worker does for a content script: the CLI's reading, plus where to mark. */
export async function analyzeForPage(
  url: string,
  content: PageContent,
  options?: AnalyzeOptions,
): Promise<AnalyzeResult> {
  if (content.kind === 'text')
    return { report: (await analyzePlainText(url, content.text, options)).report, marks: [] };
  const root = parse(content.html) as unknown as P5Node;
  const { report, cells } = await analyzeMarkup(url, root, options);
  return { report, marks: report.status === 'checked' ? planMarks(report, cells, bodyElements(root)) : [] };
}
