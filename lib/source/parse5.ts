import { HINT_META } from '../detect';
import type { DomAdapter } from './html';

/** The parts of a parse5 tree node the reader uses. */
export interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

export const parse5Adapter: DomAdapter<P5Node> = {
  isElement: (n) => !!n.tagName,
  isText: (n) => n.nodeName === '#text',
  tag: (n) => (n.tagName ?? '').toLowerCase(),
  attr: (n, name) => n.attrs?.find((a) => a.name === name)?.value ?? null,
  children: (n) => n.childNodes ?? [],
  data: (n) => n.value ?? '',
};

/** The document's <title> and its metadata: ArticleTitle, ContentSource, PubDate. */
export function parse5Hints(root: P5Node): { title: string | null; organ: string | null; published: string | null } {
  let title: string | null = null;
  let articleTitle: string | null = null;
  let organ: string | null = null;
  let published: string | null = null;
  const walk = (n: P5Node) => {
    if (n.tagName === 'title' && title === null)
      title = (n.childNodes ?? [])
        .map((c) => c.value ?? '')
        .join('')
        .trim();
    if (n.tagName === 'meta') {
      const name = parse5Adapter.attr(n, 'name')?.toLowerCase();
      const content = parse5Adapter.attr(n, 'content')?.trim();
      if (content && name === HINT_META.title) articleTitle ??= content;
      if (content && name === HINT_META.publisher) organ ??= content;
      if (content && name === HINT_META.published) published ??= content;
    }
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(root);
  return { title: articleTitle ?? title, organ, published };
}
