/**
 * The extension's cost on pages, measured from outside as the browser counts it: Chromium's
 * Performance.getMetrics, ScriptDuration + TaskDuration of the page's main thread, median of LOADS
 * loads, our build against an extension whose content script is empty, same pages, one run, the two
 * loaded in turn so that the machine's drift falls on both. On report pages also the time from
 * navigation to marks shown, with a warm and with a stopped (cold) background worker. A second
 * empty extension, measured against the first in the same turns, shows the measure's own noise: the
 * "added" figures of two identical extensions.
 * `npx tsx bench/page-cost.ts [--ext DIR]` runs it alone; bench/run.ts calls it.
 */
import { type BrowserContext, chromium } from '@playwright/test';
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

async function launch(ext: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...extensionArgs(ext), '--disable-gpu'],
  });
  if (!context.serviceWorkers().length) await context.waitForEvent('serviceworker');
  await context.addInitScript(WATCH_MARKS);
  return context;
}

interface Load {
  /** ScriptDuration + TaskDuration, ms */
  total: number;
  script: number;
  /** ms from navigation to our banner, if it appeared */
  shownAt: number | null;
  /** the content script's own measures, ms */
  phases: Record<string, number>;
}

async function loadOnce(context: BrowserContext, url: string, stopWorker: boolean): Promise<Load> {
  const page = await context.newPage();
  if (stopWorker) {
    // its own DevTools session, closed at once: while the ServiceWorker domain stays enabled, a
    // stopped worker is not started again for the page's message
    const stopper = await context.newCDPSession(page);
    await stopper.send('ServiceWorker.enable');
    await stopper.send('ServiceWorker.stopAllWorkers');
    await stopper.send('ServiceWorker.disable');
    await stopper.detach();
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { script: get('ScriptDuration'), task: get('TaskDuration') };
  };
  const before = await metrics();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const after = await metrics();
  const seen = (await page.evaluate(`({
    shownAt: window.__nianbaoShownAt ?? null,
    phases: Object.fromEntries(performance.getEntriesByType('measure').filter((e) => e.name.startsWith('nianbao:')).map((e) => [e.name.slice(8), e.duration])),
  })`)) as { shownAt: number | null; phases: Record<string, number> };
  await page.close();
  const script = after.script - before.script;
  return { total: script + (after.task - before.task), script, ...seen };
}

export interface PageCost {
  path: string;
  report: boolean;
  empty: { total: number; script: number };
  ours: { total: number; script: number };
  /** a second empty extension: what "added" reads when nothing is added */
  control: { total: number; script: number };
  phases: Record<string, number>;
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
  const [empty, control, ours] = [await launch(emptyExtension()), await launch(emptyExtension()), await launch(ext)];
  const results: PageCost[] = [];
  for (const path of Object.keys(pages)) {
    const runs: { empty: Load[]; control: Load[]; ours: Load[] } = { empty: [], control: [], ours: [] };
    // warm-up: caches, code cache, the worker
    for (const context of [empty, control, ours]) await loadOnce(context, url(path), false);
    for (let i = 0; i < LOADS; i++) {
      runs.empty.push(await loadOnce(empty, url(path), false));
      runs.control.push(await loadOnce(control, url(path), false));
      runs.ours.push(await loadOnce(ours, url(path), false));
    }
    const report = reportPaths.includes(path);
    const cold: Load[] = [];
    if (report) for (let i = 0; i < COLD_LOADS; i++) cold.push(await loadOnce(ours, url(path), true));
    const shown = (loads: Load[]) => median(loads.map((l) => l.shownAt).filter((x): x is number => x !== null));
    const phaseNames = [...new Set(runs.ours.flatMap((l) => Object.keys(l.phases)))];
    results.push({
      path,
      report,
      empty: { total: median(runs.empty.map((l) => l.total)), script: median(runs.empty.map((l) => l.script)) },
      ours: { total: median(runs.ours.map((l) => l.total)), script: median(runs.ours.map((l) => l.script)) },
      control: {
        total: median(runs.control.map((l) => l.total)),
        script: median(runs.control.map((l) => l.script)),
      },
      phases: Object.fromEntries(phaseNames.map((p) => [p, median(runs.ours.map((l) => l.phases[p] ?? 0))])),
      warm: report ? shown(runs.ours) : null,
      cold: report ? shown(cold) : null,
    });
  }
  await Promise.all([empty.close(), control.close(), ours.close()]);
  server.close();
  return results;
}

export function printPageCost(results: PageCost[]) {
  const f = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${x.toFixed(1)}`);
  console.log(
    `Extension cost on the page, as Chromium counts it (Performance.getMetrics), median of ${LOADS} loads each, ms;\n` +
      'our build vs an extension whose content script is empty, loaded in turn. Script+Task is the target measure;\n' +
      'Script alone is steadier (Task also holds the page’s own parsing and layout, which vary between loads).\n' +
      '"noise": what "added" reads for a second empty extension measured the same way (nothing added).',
  );
  console.log(
    'page'.padEnd(36),
    'Script+Task: empty'.padStart(19),
    'ours'.padStart(7),
    'added'.padStart(7),
    'noise'.padStart(7),
    ' Script: empty'.padStart(15),
    'ours'.padStart(6),
    'added'.padStart(6),
    'noise'.padStart(6),
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
      f(r.empty.script).padStart(15),
      f(r.ours.script).padStart(6),
      f(r.ours.script - r.empty.script).padStart(6),
      f(r.control.script - r.empty.script).padStart(6),
      f(r.warm).padStart(17),
      f(r.cold).padStart(6),
      r.report ? '' : '  (not a report)',
    );
  }
  console.log('\nInside the content script (performance.measure), medians, ms:');
  for (const r of results) {
    console.log(
      `  ${r.path.padEnd(34)} ${Object.entries(r.phases)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(' · ')}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { benchPages } = await import('./pages');
  const at = process.argv.indexOf('--ext');
  const ext = resolve(at > 0 ? process.argv[at + 1] : '.output/chrome-mv3');
  const { pages, reports } = benchPages();
  printPageCost(await measurePageCost(ext, pages, reports));
}
