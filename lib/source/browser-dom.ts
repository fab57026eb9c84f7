import type { DomAdapter } from './html';

/** The browser's DOM through the reader's adapter. */
export const browserDom: DomAdapter<Node> = {
  isElement: (n) => n.nodeType === 1,
  isText: (n) => n.nodeType === 3,
  tag: (n) => (n as Element).localName,
  attr: (n, name) => (n as Element).getAttribute(name),
  children: (n) => n.childNodes,
  data: (n) => (n as Text).data,
  // native textContent unless the cell holds something the walker treats specially
  plainText: (n) => ((n as Element).querySelector('br, table, script, style, template, noscript, [hidden], [style]') ? null : n.textContent ?? ''),
};
