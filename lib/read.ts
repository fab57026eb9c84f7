import { analyzePage, type AnalyzeOptions, type Analysis } from './analyze';
import { findReportRoot, tokensFromDom, type DomAdapter } from './source/html';
import { tokensFromText, type TextRef } from './source/text';
import { labelKey, looksTraditional } from './text/normalize';
import { convertLocally } from './text/t2s';

/** Converts many strings traditional → simplified at once. */
export type ConvertMany = (texts: string[]) => Promise<string[]>;

export interface ReadOptions extends AnalyzeOptions {
  /** traditional → simplified (default: opencc in this process, loaded on the first traditional page) */
  convert?: ConvertMany;
}

/** Reads and checks a text dump (crawler text, Markdown from a PDF converter, copied text). */
export async function analyzeText(source: string, text: string, options: ReadOptions = {}): Promise<Analysis<TextRef>> {
  const prepared = looksTraditional(text) ? (await (options.convert ?? convertLocally)([text]))[0] : text;
  return analyzePage({ source, tokens: tokensFromText(prepared), text: prepared, kind: 'text' }, options);
}

export interface DomHints {
  title?: string | null;
  organ?: string | null;
  /** the page's publication date metadata (PubDate) */
  published?: string | null;
}

/** Reads and checks a page given as a DOM through an adapter (a parse5 tree). Reads only the part that holds the report. */
export async function analyzeDom<N>(
  source: string,
  dom: DomAdapter<N>,
  root: N,
  hints: DomHints = {},
  options: ReadOptions = {},
): Promise<Analysis<N>> {
  const walked = tokensFromDom(dom, findReportRoot(dom, root));
  let { text } = walked;
  let title = hints.title ?? null;
  let organ = hints.organ ?? null;
  if (looksTraditional(text)) {
    const labels = walked.tokens.filter((t) => !t.value);
    const converted = await (options.convert ?? convertLocally)([
      text,
      title ?? '',
      organ ?? '',
      ...labels.map((t) => t.text),
    ]);
    [text] = converted;
    title = title && converted[1];
    organ = organ && converted[2];
    labels.forEach((token, i) => {
      token.key = labelKey(converted[3 + i]);
    });
  }
  return analyzePage(
    {
      source,
      tokens: walked.tokens,
      text,
      titleHint: title,
      organHint: organ,
      publishedHint: hints.published ?? null,
      kind: 'dom',
      links: walked.links,
      images: walked.images,
    },
    options,
  );
}
