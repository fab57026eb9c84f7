// @vitest-environment happy-dom
/** The history page's views with a fake store: the list, its filters, and the batch's controls. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { History, type HistoryApi } from '../../components/History';
import { type Batch, newBatch } from '../../lib/batch/batch';
import { type HistoryRecord, recordOf, rowOf } from '../../lib/history/record';
import { analyzeString, readFixture } from '../support/analyze';

async function mount(records: HistoryRecord[], batch: Batch | null) {
  let stored = batch;
  const api: HistoryApi = {
    rows: async () => ({ rows: records.map(rowOf), skipped: 1 }),
    records: async (urls) => records.filter((r) => !urls || urls.includes(r.url)),
    remove: vi.fn(async () => undefined),
    clear: vi.fn(async () => undefined),
    putMany: vi.fn(async () => undefined),
    download: vi.fn(),
    copy: vi.fn(async () => undefined),
    excel: vi.fn(),
    confirm: () => true,
    getLang: async () => 'zh',
    batch: async () => stored,
    runBatch: vi.fn(async () => undefined),
    setBatchStatus: vi.fn(async (status) => {
      stored = stored && { ...stored, status };
      return stored;
    }),
    dropBatch: vi.fn(async () => undefined),
  };
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(<History api={api} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  const click = async (testid: string) =>
    act(async () => (root.querySelector(`[data-testid="${testid}"]`) as HTMLElement).click());
  return { root, api, click };
}

describe('the history page', () => {
  it('lists the reports, says how many were unreadable, filters by status', async () => {
    const a = (await analyzeString(readFixture('seeds/003_1011c9d1822b474b.txt'))).report;
    const records = [
      recordOf('https://a.gov.cn/1.html', a, 'x'),
      recordOf('https://b.gov.cn/2.html', { ...a, organ: '乙' }, 'y'),
    ];
    const { root } = await mount(records, null);
    expect(root.querySelectorAll('[data-testid="history"] tbody tr')).toHaveLength(2);
    expect(root.querySelector('[data-testid="count"]')?.textContent).toBe(
      '显示 2 / 共 2 份（1 条记录无法读取，已略过）',
    );
    const status = root.querySelector('[data-testid="status"]') as HTMLSelectElement;
    await act(async () => {
      status.value = 'errors';
      status.dispatchEvent(new Event('change'));
    });
    expect(root.querySelectorAll('[data-testid="history"] tbody tr')).toHaveLength(a.summary.errors ? 2 : 0);
  });

  it('a running batch goes on by itself; pause, resume and cancel change its state', async () => {
    const batch = newBatch('https://a.gov.cn/col.html', [{ text: 't', href: 'https://a.gov.cn/1.html' }], null, false);
    const { root, api, click } = await mount([], batch);
    expect(api.runBatch).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="batch-count"]')?.textContent).toBe('已完成 0 / 1（失败 0）');
    await click('batch-pause');
    expect(api.setBatchStatus).toHaveBeenLastCalledWith('paused');
    expect(root.querySelector('[data-testid="batch-panel"]')?.getAttribute('data-status')).toBe('paused');
    await click('batch-resume');
    expect(api.setBatchStatus).toHaveBeenLastCalledWith('running');
    expect(api.runBatch).toHaveBeenCalledTimes(2);
    await click('batch-cancel');
    expect(root.querySelector('[data-testid="batch-panel"]')?.getAttribute('data-status')).toBe('cancelled');
  });
});
