/** A column of reports checked at once: which links, the next page, the page's charset, the batch's bookkeeping. */
import { describe, expect, it } from 'vitest';
import { newBatch, progressOf, withMoreLinks } from '../../lib/batch/batch';
import { charsetOf, decodePage, nextPageLink, reportLinks } from '../../lib/batch/links';

const BASE = 'https://www.example.gov.cn/col/nb/index.html';

describe('a column page', () => {
  const links = [
    { text: '示例市人民政府2024年政府信息公开工作年度报告', href: '/art/2025/1/20/art_1.html' },
    {
      text: '示例市人民政府2023年政府信息公开工作年度报告',
      href: 'https://www.example.gov.cn/art/2024/1/20/art_2.html#top',
    },
    { text: '示例市人民政府2023年政府信息公开工作年度报告', href: '/art/2024/1/20/art_2.html' },
    { text: '关于做好2024年政府信息公开工作年度报告编制工作的通知', href: '/art/notice.html' },
    { text: '示例市2022年政府信息公开工作年度报告.pdf', href: '/files/2022.pdf' },
    { text: '首页', href: '/' },
    { text: '下一页', href: 'index_2.html' },
    { text: '示例市人民政府2022年政府信息公开工作年度报告', href: 'javascript:void(0)' },
  ];
  it('takes the links that name a report, once each, absolute; not notices, attachments or scripts', () => {
    expect(reportLinks(links, BASE).map((l) => l.href)).toEqual([
      'https://www.example.gov.cn/art/2025/1/20/art_1.html',
      'https://www.example.gov.cn/art/2024/1/20/art_2.html',
    ]);
  });
  it('finds the column’s next page', () => {
    expect(nextPageLink(links, BASE)).toBe('https://www.example.gov.cn/col/nb/index_2.html');
    expect(nextPageLink(links.slice(0, 3), BASE)).toBeNull();
  });
  it('reads GBK pages as GBK, by header or by meta', () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报 in GBK
    expect(decodePage(gbk, 'text/html; charset=GBK')).toBe('年报');
    const withMeta = new Uint8Array([...new TextEncoder().encode('<meta charset="gb2312">'), ...gbk]);
    expect(charsetOf(withMeta, null)).toBe('gb2312');
    expect(decodePage(withMeta, 'text/html')).toContain('年报');
    expect(decodePage(new TextEncoder().encode('年报'), null)).toBe('年报');
  });
});

describe('a batch', () => {
  it('keeps each link once across pages, and counts what is left', () => {
    const first = newBatch(BASE, [{ text: 'a', href: 'https://x.gov.cn/1' }], 'https://x.gov.cn/p2', true);
    const more = withMoreLinks(
      first,
      [
        { text: 'a', href: 'https://x.gov.cn/1' },
        { text: 'b', href: 'https://x.gov.cn/2' },
      ],
      null,
    );
    expect(more.items.map((i) => i.url)).toEqual(['https://x.gov.cn/1', 'https://x.gov.cn/2']);
    expect(more.pagesRead).toBe(2);
    const oneDone = { ...more, items: [{ ...more.items[0], state: 'done' as const }, more.items[1]] };
    expect(progressOf(oneDone)).toEqual({ done: 1, failed: 0, total: 2, left: 1 });
  });
});
