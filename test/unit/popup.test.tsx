// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Popup, type LoadResult, type PopupApi } from '../../components/Popup';
import { Report } from '../../lib/model';
import type { ReportResponse } from '../../lib/messages';
import { analyzeHtml, analyzeString, readFixture } from '../support/analyze';

async function mount(load: LoadResult, over: Partial<PopupApi> = {}) {
  const api: PopupApi = {
    load: async () => load,
    inject: vi.fn(async () => ({ url: 'x', report: null, marked: 0 })),
    checkAnyway: vi.fn(async () => ({
      url: 'x',
      report: null,
      marked: 0,
      skipped: { zh: '仍然不是', en: 'still not' },
    })),
    focus: vi.fn(async () => true),
    clearMarks: vi.fn(async () => true),
    getLang: async () => 'zh',
    setLang: vi.fn(async () => undefined),
    copy: vi.fn(async () => undefined),
    download: vi.fn(),
    openHistory: vi.fn(),
    startBatch: vi.fn(async () => 'none' as const),
    pairingChoices: vi.fn(async () => []),
    setPairing: vi.fn(async () => ({ url: 'x', report: null, marked: 0 })),
    readPdf: vi.fn(async () => {
      throw Object.assign(new Error('a.example.gov.cn'), { reason: 'permission' });
    }),
    ...over,
  };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<Popup api={api} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return {
    root,
    api,
    click: async (testid: string) =>
      act(async () => (root.querySelector(`[data-testid="${testid}"]`) as HTMLElement).click()),
  };
}

const response = async (file: string): Promise<ReportResponse> => ({
  url: 'https://www.example.gov.cn/a.html',
  report: (await analyzeString(readFixture(file), file)).report,
  marked: 0,
});

describe('popup states', () => {
  it('a gov.cn page opened before install: asks for a reload', async () => {
    const { root } = await mount({ kind: 'refresh', tabId: 1 });
    expect(root.querySelector('[data-testid="refresh"]')?.textContent).toContain('请刷新页面');
  });

  it('a PDF open in the tab: offers “读取此 PDF”; a refused permission is said, with a way to try again', async () => {
    const url = 'https://a.example.gov.cn/files/2024nb.pdf';
    const { root, api, click } = await mount({ kind: 'pdf-tab', tabId: 5, url });
    await click('read-this-pdf');
    expect(api.readPdf).toHaveBeenCalledWith(url, 5);
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="pdf-failed"]')?.textContent).toContain('未获准访问 a.example.gov.cn');
    expect(root.querySelector('[data-testid="read-pdf-again"]')).not.toBeNull();
  });

  it('a PDF read: shown like any report, said to come from the PDF, no page marks to clear', async () => {
    const report = (await analyzeString(readFixture('seeds/003_1011c9d1822b474b.txt'))).report;
    const url = 'https://a.example.gov.cn/files/2023%E5%B9%B4%E6%8A%A5.pdf';
    const { root, click } = await mount({ kind: 'pdf-tab', tabId: 5, url }, { readPdf: vi.fn(async () => report) });
    await click('read-this-pdf');
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect(root.querySelector('[data-testid="read-from-pdf"]')?.textContent).toBe('以下结果读自 PDF：2023年报.pdf');
    expect(root.querySelector('[data-testid="summary"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="clear-marks"]')).toBeNull();
  });

  it('another site: offers “check this page”, which injects the reader into that tab', async () => {
    const { root, api, click } = await mount({ kind: 'other-site', tabId: 7 });
    expect(root.textContent).toContain('不在 .gov.cn');
    await click('check-this-page');
    expect(api.inject).toHaveBeenCalledWith(7);
  });

  it('too large to check here: says so, not "not a report", and offers to try again', async () => {
    const { root } = await mount({
      kind: 'response',
      tabId: 3,
      response: {
        url: 'x',
        report: null,
        marked: 0,
        skipped: { zh: '报告部分的网页代码过大（3.2 MB）', en: 'too large' },
        skippedBecause: 'too-large',
      },
    });
    expect(root.querySelector('[data-testid="status-notice"]')?.textContent).toContain('过大');
    expect(root.querySelector('[data-testid="not-a-report"]')).toBeNull();
    expect(root.querySelector('[data-testid="check-anyway"]')).not.toBeNull();
  });
  it('a report whose tables are attachments: the reason, the links (http only), and the JSON to copy', async () => {
    const html = `<html><head><title>示例县2023年政府信息公开工作年度报告</title></head><body><h1>示例县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><a href="https://www.example.gov.cn/a.pdf">年报.pdf</a><a href="javascript:alert(1)">x.pdf</a></body></html>`;
    const { report } = await analyzeHtml(html, 'https://www.example.gov.cn/nb.html');
    const { root } = await mount({ kind: 'response', tabId: 3, response: { url: 'x', report, marked: 0 } });
    const links = [...root.querySelectorAll('[data-testid="attachments"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://www.example.gov.cn/a.pdf']);
    expect(root.querySelector('[data-testid="copy-json"]')).not.toBeNull();
  });
  it('not a report: says why and offers to check anyway', async () => {
    const { root, api, click } = await mount({
      kind: 'response',
      tabId: 3,
      response: { url: 'x', report: null, marked: 0, skipped: { zh: '标题和表格都不像', en: 'no' } },
    });
    expect(root.querySelector('[data-testid="not-a-report"]')?.textContent).toContain('标题和表格都不像');
    await click('check-anyway');
    expect(api.checkAnyway).toHaveBeenCalledWith(3);
  });

  it('older format: says so, with the reason', async () => {
    const { root } = await mount({
      kind: 'response',
      tabId: 3,
      response: await response('real/16_pingtan_2018_legacy.txt'),
    });
    expect(root.querySelector('[data-testid="status-notice"]')?.textContent).toContain('旧格式');
    expect(root.querySelector('[data-testid="status-notice"]')?.textContent).toContain('2018');
  });

  it('a checked report: header, figures, copy JSON (valid against the schema) and TSV', async () => {
    const res = await response('seeds/000_7d12747508f9e08c.txt');
    const { root, api, click } = await mount({ kind: 'response', tabId: 3, response: res });
    expect(root.querySelector('[data-testid="report-meta"]')?.textContent).toBe(
      '湘阴县人民政府 · 2023年度 · 2021年版格式',
    );
    expect(root.querySelector('td[data-key="t2.licensing.decisions"]')?.textContent).toBe('6454');
    await click('copy-json');
    const json = JSON.parse((api.copy as ReturnType<typeof vi.fn>).mock.calls[0][0]);
    expect(Report.safeParse(json).success).toBe(true);
    expect(json.cells['t3.new.total']).toBe(71);
    expect(root.querySelector('[data-testid="toast"]')?.textContent).toBe('已复制');
    await click('copy-tsv');
    const tsv: string = (api.copy as ReturnType<typeof vi.fn>).mock.calls[1][0];
    expect(tsv.split('\n').find((l) => l.startsWith('行政许可'))).toBe('行政许可\t本年处理决定数量\t6454');
    await click('download-json');
    expect((api.download as ReturnType<typeof vi.fn>).mock.calls[0][0]).toBe('湘阴县人民政府-2023.json');
  });

  it('English', async () => {
    const res = await response('seeds/000_7d12747508f9e08c.txt');
    const { root, api, click } = await mount({ kind: 'response', tabId: 3, response: res });
    await click('lang');
    expect(api.setLang).toHaveBeenCalledWith('en', 3);
    expect(root.querySelector('[data-testid="copy-json"]')?.textContent).toBe('Copy JSON');
    expect(root.querySelector('[data-testid="report-meta"]')?.textContent).toBe('湘阴县人民政府 · 2023 · 2021 format');
  });
});
