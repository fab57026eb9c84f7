import { parse } from 'parse5';
import type { Analysis, AnalyzeOptions } from '../analyze';
import { analyzeDom, analyzeText } from '../index';
import { parse5Adapter, parse5Hints, type P5Node } from '../source/parse5';

/**
 * The one reading path: the CLI calls these on a file, the extension's background worker on the
 * markup (or text) its content script sends. Same code, same JSON.
 */
export async function analyzeMarkup(
  source: string,
  html: string | P5Node,
  options?: AnalyzeOptions,
): Promise<Analysis<P5Node>> {
  const doc = typeof html === 'string' ? (parse(html) as unknown as P5Node) : html;
  return analyzeDom(source, parse5Adapter, doc, parse5Hints(doc), options);
}

export const analyzePlainText = (source: string, text: string, options?: AnalyzeOptions) =>
  analyzeText(source, text, options);

/** The elements below `<body>` in document order: the index the content script finds a cell by. */
export function bodyElements(doc: P5Node): P5Node[] {
  const out: P5Node[] = [];
  const body = findBody(doc);
  const walk = (n: P5Node) => {
    for (const c of n.childNodes ?? []) {
      if (!c.tagName) continue;
      out.push(c);
      // like the browser's querySelectorAll: a <template>'s content is not among its descendants
      walk(c);
    }
  };
  if (body) walk(body);
  return out;
}

function findBody(n: P5Node): P5Node | null {
  if (n.tagName === 'body') return n;
  for (const c of n.childNodes ?? []) {
    const found = findBody(c);
    if (found) return found;
  }
  return null;
}
