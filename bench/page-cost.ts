/**
 * The extension's cost on pages, measured from outside as the browser counts it: Chromium's
 * Performance.getMetrics, ScriptDuration + TaskDuration of the page's main thread, median of LOADS
 * loads, our build against an extension whose content script is empty, same pages, one run, the two
 * loaded in turn so that the machine's drift falls on both. On report pages also the time from
 * navigation to marks shown, with a warm and with a stopped (cold) background worker. A second
 * empty extension, measured against the first in the same turns, shows the measure's own noise: the
 * "added" figures of two identical extensions.
 *
 * Chromium counts these per document: a navigation starts them again from zero. So each load is one
 * tab going to a small page of the same site, collecting garbage there (so that no earlier load's
 * garbage is collected in the measured one), then to the page; the page's figures are read as they
 * stand after SETTLE_MS.
 * `npx tsx bench/page-cost.ts [--ext DIR] [--before DIR]` runs it alone (BENCH_PAGES=/a.html,… for some
 * pages only, BENCH_LOADS, BENCH_SETTLE_MS); bench/run.ts calls it.
 */
import { type BrowserContext, type CDPSession, chromium, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, extensionArgs } from '../test/support/chromium';

const LOADS = Number(process.env.BENCH_LOADS ?? 11);
const COLD_LOADS = 5;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1500);

/** An extension that injects a content script doing nothing, on the same pages: the baseline. */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-empty-ext-'));
  writeFileSync(join(dir, 'empty.js'), 'void 0;\n');
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty',
      version: '1.0',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['*://*.gov.cn/*'], js: ['empty.js'], run_at: 'document_idle' }],
    }),
  );
  return dir;
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : Number.NaN);

// records, in the page's own world, when our banner appears
const WATCH_MARKS = `new MutationObserver((_, o) => {
  if (document.querySelector('nianbao-check-ui')) { window.__nianbaoShownAt = performance.now(); o.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

/** The small page each load starts from (same site: the tab keeps its renderer). */
const START_PATH = '/__bench-start';

interface Browser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

async function launch(ext: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...extensionArgs(ext), '--disable-gpu'],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript(WATCH_MARKS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

interface Load {
  /** ScriptDuration + TaskDuration, ms */
  total: number;
  script: number;
  /** ms from navigation to our banner, if it appeared */
  shownAt: number | null;
}

const medians = (loads: Load[]) => ({
  total: median(loads.map((l) => l.total)),
  script: median(loads.map((l) => l.script)),
});

async function loadOnce({ context, page, cdp }: Browser, url: string, stopWorker: boolean): Promise<Load> {
  await page.goto(new URL(START_PATH, url).href, { waitUntil: 'load' });
  await cdp.send('HeapProfiler.collectGarbage');
  if (stopWorker) {
    // its own DevTools session, closed at once: while the ServiceWorker domain stays enabled, a
    // stopped worker is not started again for the page's message
    const stopper = await context.newCDPSession(page);
    await stopper.send('ServiceWorker.enable');
    await stopper.send('ServiceWorker.stopAllWorkers');
    await stopper.send('ServiceWorker.disable');
    await stopper.detach();
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const shownAt = (await page.evaluate('window.__nianbaoShownAt ?? null')) as number | null;
  const script = get('ScriptDuration');
  return { total: script + get('TaskDuration'), script, shownAt };
}

export interface PageCost {
  path: string;
  report: boolean;
  empty: { total: number; script: number };
  ours: { total: number; script: number };
  /** a second empty extension: what "added" reads when nothing is added */
  control: { total: number; script: number };
  /** the previous build (`--before DIR`), measured in the same turns */
  before: { total: number; script: number } | null;
  /** median ms from navigation to marks shown, warm and cold worker (report pages) */
  warm: number | null;
  cold: number | null;
}

export async function measurePageCost(
  ext: string,
  pages: Record<string, string>,
  reportPaths: string[],
  beforeExt?: string,
): Promise<PageCost[]> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = path === START_PATH ? '<!DOCTYPE html><title>start</title>' : pages[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = (path: string) => `http://www.example.gov.cn:${(server.address() as AddressInfo).port}${path}`;
  const [empty, control, ours] = [await launch(emptyExtension()), await launch(emptyExtension()), await launch(ext)];
  const previous = beforeExt ? await launch(beforeExt) : null;
  const results: PageCost[] = [];
  for (const path of Object.keys(pages)) {
    const runs: { empty: Load[]; control: Load[]; ours: Load[]; before: Load[] } = {
      empty: [],
      control: [],
      ours: [],
      before: [],
    };
    // warm-up: caches, code cache, the worker
    for (const browser of [empty, control, ours, previous]) if (browser) await loadOnce(browser, url(path), false);
    for (let i = 0; i < LOADS; i++) {
      runs.empty.push(await loadOnce(empty, url(path), false));
      runs.control.push(await loadOnce(control, url(path), false));
      runs.ours.push(await loadOnce(ours, url(path), false));
      if (previous) runs.before.push(await loadOnce(previous, url(path), false));
    }
    const report = reportPaths.includes(path);
    const cold: Load[] = [];
    if (report) for (let i = 0; i < COLD_LOADS; i++) cold.push(await loadOnce(ours, url(path), true));
    const shown = (loads: Load[]) => median(loads.map((l) => l.shownAt).filter((x): x is number => x !== null));
    results.push({
      path,
      report,
      empty: medians(runs.empty),
      ours: medians(runs.ours),
      control: medians(runs.control),
      before: previous ? medians(runs.before) : null,
      warm: report ? shown(runs.ours) : null,
      cold: report ? shown(cold) : null,
    });
  }
  await Promise.all([empty, control, ours, previous].map((b) => b?.context.close()));
  server.close();
  return results;
}

export function printPageCost(results: PageCost[]) {
  const f = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${x.toFixed(1)}`);
  console.log(
    `Extension cost on the page, as Chromium counts it (Performance.getMetrics), median of ${LOADS} loads each, ms;\n` +
      'our build vs an extension whose content script is empty, loaded in turn. Script+Task is the target measure;\n' +
      'Script alone is steadier (Task also holds the page’s own parsing and layout, which vary between loads).\n' +
      '"noise": what "added" reads for a second empty extension measured the same way (nothing added);\n' +
      '"before": what the previous build (--before DIR) adds, measured in the same turns.',
  );
  console.log(
    'page'.padEnd(36),
    'Script+Task: empty'.padStart(19),
    'ours'.padStart(7),
    'added'.padStart(7),
    'noise'.padStart(7),
    'before'.padStart(7),
    ' Script: empty'.padStart(15),
    'ours'.padStart(6),
    'added'.padStart(6),
    'noise'.padStart(6),
    'before'.padStart(7),
    '  to marks: warm'.padStart(17),
    'cold'.padStart(6),
  );
  for (const r of results) {
    console.log(
      r.path.padEnd(36),
      f(r.empty.total).padStart(19),
      f(r.ours.total).padStart(7),
      f(r.ours.total - r.empty.total).padStart(7),
      f(r.control.total - r.empty.total).padStart(7),
      f(r.before ? r.before.total - r.empty.total : null).padStart(7),
      f(r.empty.script).padStart(15),
      f(r.ours.script).padStart(6),
      f(r.ours.script - r.empty.script).padStart(6),
      f(r.control.script - r.empty.script).padStart(6),
      f(r.before ? r.before.script - r.empty.script : null).padStart(7),
      f(r.warm).padStart(17),
      f(r.cold).padStart(6),
      r.report ? '' : '  (not a report)',
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchPages } = await import('./pages');
  const at = process.argv.indexOf('--ext');
  const ext = resolve(at > 0 ? process.argv[at + 1] : '.output/chrome-mv3');
  const was = process.argv.indexOf('--before');
  const { pages: all, reports } = benchPages();
  // BENCH_PAGES=/a.html,/b.html: only those
  const only = process.env.BENCH_PAGES?.split(',');
  const pages = Object.fromEntries(Object.entries(all).filter(([path]) => !only || only.includes(path)));
  printPageCost(await measurePageCost(ext, pages, reports, was > 0 ? resolve(process.argv[was + 1]) : undefined));
}
