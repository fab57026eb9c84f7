/**
 * The extension's cost on pages, measured from outside as the browser counts it: Chromium's
 * Performance.getMetrics (ScriptDuration + TaskDuration of the page's main thread), median of
 * LOADS loads, our build against an extension whose content script is empty, same pages, one run.
 * On report pages also the time from navigation to marks shown, with a warm and a cold background
 * worker. `npx tsx bench/page-cost.ts [--ext DIR]` runs it alone; bench/run.ts calls it.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOADS = Number(process.env.BENCH_LOADS ?? 11);
const SETTLE_MS = 1500;

/** An extension that injects an empty content script on the same pages: the baseline. */
export function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-empty-ext-'));
  writeFileSync(join(dir, 'empty.js'), '');
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// records in the page's own world when our marks or banner appear
const WATCH_MARKS = `new MutationObserver((_, o) => {
  if (document.querySelector('nianbao-check-ui')) { window.__nianbaoShownAt = performance.now(); o.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

async function launch(ext: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript(WATCH_MARKS);
  return context;
}

/** Main-thread milliseconds (script + tasks) one load of `url` costs, and when marks appeared (ms after navigation). */
async function loadOnce(
  context: BrowserContext,
  url: string,
  stopWorker: boolean,
): Promise<{ cost: number; shownAt: number | null }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (stopWorker)
    await cdp
      .send('ServiceWorker.enable')
      .then(() => cdp.send('ServiceWorker.stopAllWorkers'))
      .catch(() => undefined);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return (get('ScriptDuration') + get('TaskDuration')) * 1000;
  };
  const before = await metric();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const cost = (await metric()) - before;
  const shownAt = (await page.evaluate('window.__nianbaoShownAt ?? null')) as number | null;
  await page.close();
  return { cost, shownAt };
}

export interface PageCost {
  path: string;
  empty: number;
  ours: number;
  /** median ms from navigation to marks shown, warm and cold worker (report pages) */
  warm: number | null;
  cold: number | null;
}

export async function measurePageCost(
  ext: string,
  pages: Record<string, string>,
  reportPaths: string[],
): Promise<PageCost[]> {
  const server = createServer((req, res) => {
    const body = pages[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = (path: string) => `http://www.example.gov.cn:${(server.address() as AddressInfo).port}${path}`;
  const results: PageCost[] = Object.keys(pages).map((path) => ({ path, empty: 0, ours: 0, warm: null, cold: null }));
  for (const [which, dir] of [
    ['empty', emptyExtension()],
    ['ours', ext],
  ] as const) {
    const context = await launch(dir);
    for (const r of results) {
      await loadOnce(context, url(r.path), false); // warm-up: caches, compile cache
      const runs = [];
      for (let i = 0; i < LOADS; i++) runs.push(await loadOnce(context, url(r.path), false));
      r[which] = median(runs.map((x) => x.cost));
      if (which === 'ours' && reportPaths.includes(r.path)) {
        const shown = runs.map((x) => x.shownAt).filter((x): x is number => x !== null);
        r.warm = shown.length ? median(shown) : null;
        const cold = [];
        for (let i = 0; i < 5; i++) cold.push((await loadOnce(context, url(r.path), true)).shownAt);
        const coldShown = cold.filter((x): x is number => x !== null);
        r.cold = coldShown.length ? median(coldShown) : null;
      }
    }
    await context.close();
  }
  server.close();
  return results;
}

export function printPageCost(results: PageCost[], reportPaths: string[]) {
  const f = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} ms`);
  console.log(
    `Page cost, measured by Chromium (Performance.getMetrics ScriptDuration + TaskDuration), median of ${LOADS} loads`,
  );
  console.log(
    'page'.padEnd(36),
    'empty ext'.padStart(10),
    'ours'.padStart(10),
    'added'.padStart(10),
    'to marks warm'.padStart(14),
    'cold'.padStart(10),
  );
  for (const r of results) {
    console.log(
      r.path.padEnd(36),
      f(r.empty).padStart(10),
      f(r.ours).padStart(10),
      f(r.ours - r.empty).padStart(10),
      f(r.warm).padStart(14),
      f(r.cold).padStart(10),
      reportPaths.includes(r.path) ? '' : '  (not a report)',
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchPages } = await import('./pages');
  const at = process.argv.indexOf('--ext');
  const ext = resolve(at > 0 ? process.argv[at + 1] : '.output/chrome-mv3');
  const { pages, reports } = benchPages();
  const results = await measurePageCost(ext, pages, reports);
  printPageCost(results, reports);
}
