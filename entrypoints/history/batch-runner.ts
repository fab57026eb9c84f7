import {
  BATCH_CONCURRENCY,
  BATCH_DELAY_MS,
  BATCH_KEY,
  BATCH_PAGES_MAX,
  Batch,
  type BatchItem,
  withMoreLinks,
} from '../../lib/batch/batch';
import { decodePage, type LinkOnPage, nextPageLink, reportLinks } from '../../lib/batch/links';
import { pairWith } from '../../lib/analyze';
import type { HistoryRecord } from '../../lib/history/record';
import type { AnalyzeResult } from '../../lib/messages';
import { history } from '../store/history';

const TIMEOUT_MS = 20_000;

export async function loadBatch(): Promise<Batch | null> {
  const raw = (await browser.storage.local.get(BATCH_KEY))[BATCH_KEY];
  const parsed = Batch.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
export const saveBatch = (batch: Batch) => browser.storage.local.set({ [BATCH_KEY]: batch });
export const dropBatch = () => browser.storage.local.remove(BATCH_KEY);

async function fetchPage(url: string): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { credentials: 'include', signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return decodePage(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
  } catch (error) {
    throw new Error(
      controller.signal.aborted ? `timeout (${TIMEOUT_MS / 1000} s)` : String(error).replace(/^\w*Error: /, ''),
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Reads one linked page, has the background check it (it keeps it in the history, paired by year). */
async function readItem(item: BatchItem): Promise<BatchItem> {
  try {
    const html = await fetchPage(item.url);
    const result = (await browser.runtime.sendMessage({
      type: 'analyze',
      url: item.url,
      content: { kind: 'html', html },
    })) as AnalyzeResult | undefined;
    const report = result?.report;
    if (!report)
      return { ...item, state: 'failed', reason: { zh: '读取程序没有响应', en: 'the reader did not answer' } };
    if (report.status !== 'checked')
      return {
        ...item,
        state: 'failed',
        reason: report.reason ?? { zh: '未能核验', en: 'not checked' },
      };
    return { ...item, state: 'done', errors: report.summary.errors, warnings: report.summary.warnings };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...item, state: 'failed', reason: { zh: `无法打开：${why}`, en: `could not be fetched: ${why}` } };
  }
}

function linksOf(html: string): LinkOnPage[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.querySelectorAll('a[href]'), (a) => ({
    text: a.textContent ?? '',
    href: a.getAttribute('href') ?? '',
  }));
}

/**
 * Two years of one body read at the same time could not be paired (neither was in the history yet):
 * each such report is compared with its previous year now, from the history, nothing fetched again.
 */
async function pairLate(batch: Batch): Promise<void> {
  const urls = batch.items.filter((i) => i.state === 'done').map((i) => i.url);
  const paired: HistoryRecord[] = [];
  for (const record of await history.records(urls)) {
    if (record.report.pairedWith) continue;
    const before = await history.previousFor(record.url, record.report);
    if (before) paired.push({ ...record, report: pairWith(record.report, before) });
  }
  await history.putMany(paired);
}

/**
 * Runs the stored batch until it is done, paused or cancelled: two pages at a time, a pause between,
 * every result saved as it comes, so that a closed tab or a restarted browser resumes where it was.
 */
export async function runBatch(onChange: (batch: Batch) => void): Promise<void> {
  for (;;) {
    const batch = await loadBatch();
    if (batch?.status !== 'running') return;
    const next = batch.items.filter((i) => i.state === 'pending').slice(0, BATCH_CONCURRENCY);
    if (!next.length) {
      if (batch.followPages && batch.nextPage && batch.pagesRead < BATCH_PAGES_MAX) {
        let grown = batch;
        try {
          const html = await fetchPage(batch.nextPage);
          const links = linksOf(html);
          grown = withMoreLinks(batch, reportLinks(links, batch.nextPage), nextPageLink(links, batch.nextPage));
        } catch {
          grown = { ...batch, nextPage: null };
        }
        await saveBatch(grown);
        onChange(grown);
        continue;
      }
      await pairLate(batch);
      const finished: Batch = { ...batch, status: 'finished' };
      await saveBatch(finished);
      onChange(finished);
      return;
    }
    const read = await Promise.all(next.map(readItem));
    // the stored batch may have been paused or cancelled meanwhile: only the items change
    const now = (await loadBatch()) ?? batch;
    const updated: Batch = { ...now, items: now.items.map((i) => read.find((r) => r.url === i.url) ?? i) };
    await saveBatch(updated);
    onChange(updated);
    await new Promise((r) => setTimeout(r, BATCH_DELAY_MS));
  }
}
