import { ATTACHMENT_URL, isReportTitle } from '../detect';

export interface LinkOnPage {
  text: string;
  href: string;
}

const httpUrl = (href: string, base: string): string | null => {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
};

/** The links of a page that name an annual report (its title), once each, made absolute; no attachments. */
export function reportLinks(links: readonly LinkOnPage[], base: string): LinkOnPage[] {
  const seen = new Set<string>();
  const out: LinkOnPage[] = [];
  for (const link of links) {
    const text = link.text.replace(/\s+/g, ' ').trim();
    const href = httpUrl(link.href, base);
    if (!href || seen.has(href) || ATTACHMENT_URL.test(href) || !isReportTitle(text)) continue;
    seen.add(href);
    out.push({ text: text.slice(0, 120), href });
  }
  return out;
}

/** A column's next page: the link that says 下一页 (or ›, »). */
export function nextPageLink(links: readonly LinkOnPage[], base: string): string | null {
  for (const link of links) {
    if (!/^(?:下一页|下页|后一页|next|›|»|>)$/i.test(link.text.replace(/\s+/g, ''))) continue;
    const href = httpUrl(link.href, base);
    if (href && href !== httpUrl(base, base)) return href;
  }
  return null;
}

/** The charset a page's bytes are in: the HTTP header's, else its <meta>'s, else UTF-8 (GBK pages say so). */
export function charsetOf(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return (fromMeta ?? 'utf-8').toLowerCase();
}

export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const charset = charsetOf(bytes, contentType);
  try {
    return new TextDecoder(/^(gb2312|gbk|x-gbk)$/.test(charset) ? 'gb18030' : charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
