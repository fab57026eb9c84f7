import { analyzePage, type AnalyzeOptions, type Analysis } from './analyze';
import { tokensFromDom, type DomAdapter } from './source/html';
import { tokensFromText, type TextRef } from './source/text';
import { labelKey, looksTraditional } from './text/normalize';
import { loadT2S } from './text/t2s';

export { analyzePage, emptyReport, VERSION } from './analyze';
export type { Analysis, AnalyzeOptions, PageInput } from './analyze';
export { Report, Finding } from './model';
export { RULES } from './checks/index';
export { cellName } from './checks/names';
export { FORMATS, cellsOf } from './format/layouts';
export type { DomAdapter } from './source/html';

/** Reads and checks a text dump (crawler text, Markdown from a PDF converter, copied text). */
export async function analyzeText(source: string, text: string, options?: AnalyzeOptions): Promise<Analysis<TextRef>> {
  const prepared = looksTraditional(text) ? (await loadT2S())(text) : text;
  return analyzePage({ source, tokens: tokensFromText(prepared), text: prepared }, options);
}

export interface DomHints {
  title?: string | null;
  organ?: string | null;
}

/** Reads and checks a page given as a DOM (the browser's, or a parse5 tree through an adapter). */
export async function analyzeDom<N>(source: string, dom: DomAdapter<N>, root: N, hints: DomHints = {}, options?: AnalyzeOptions): Promise<Analysis<N>> {
  const walked = tokensFromDom(dom, root);
  let { text } = walked;
  let title = hints.title ?? null;
  let organ = hints.organ ?? null;
  if (looksTraditional(text)) {
    const t2s = await loadT2S();
    text = t2s(text);
    title = title && t2s(title);
    organ = organ && t2s(organ);
    for (const token of walked.tokens) {
      if (!token.value) token.key = labelKey(t2s(token.text));
    }
  }
  return analyzePage({ source, tokens: walked.tokens, text, titleHint: title, organHint: organ }, options);
}
