import { parse } from 'parse5';
import { pairWith } from '../analyze';
import type { AnalyzeResult, PageContent } from '../messages';
import type { Report } from '../model';
import type { P5Node } from '../source/parse5';
import { planMarks } from './mark-plan';
import { analyzeMarkup, analyzePlainText, bodyElements } from './read-page';

/**
 * What the background worker does for a content script: the CLI's reading, compared with the
 * previous-year report `previousFor` finds (the history's), plus where to mark.
 */
export async function analyzeForPage(
  url: string,
  content: PageContent,
  previousFor?: (report: Report) => Promise<Report | null>,
): Promise<AnalyzeResult> {
  const paired = async (report: Report) => {
    const before = report.status === 'checked' && previousFor ? await previousFor(report) : null;
    return before ? pairWith(report, before) : report;
  };
  if (content.kind === 'text')
    return { report: await paired((await analyzePlainText(url, content.text)).report), marks: [] };
  const root = parse(content.html) as unknown as P5Node;
  const analysis = await analyzeMarkup(url, root);
  const report = await paired(analysis.report);
  return { report, marks: report.status === 'checked' ? planMarks(report, analysis.cells, bodyElements(root)) : [] };
}
