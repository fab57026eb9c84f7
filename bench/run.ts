/**
 * `npm run bench`: prints how fast the engine and the content script are, and how big the bundles
 * are. `npm run bench -- --check` exits 1 when a target is missed. Not part of `npm test`.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeSource, isHtml } from '../cli/read-input';
import { renderPage } from '../test/support/render';
import { randomCells, rng } from '../test/support/report-cells';

const FIXTURES = resolve('test/fixtures');
const check = process.argv.includes('--check');
const misses: string[] = [];
const target = (name: string, value: number, limit: number, better: 'lower' | 'higher') => {
  const ok = better === 'lower' ? value <= limit : value >= limit;
  if (!ok) misses.push(`${name}: ${value.toFixed(2)} (target ${better === 'lower' ? '≤' : '≥'} ${limit})`);
  return ok ? 'ok' : 'MISSED';
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(2)} ms`;

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);

// ---------- engine in Node ----------
const pages = [
  ...readdirSync(join(FIXTURES, 'real'))
    .filter((f) => /\.(html|txt|md)$/.test(f) && f !== 'README.md')
    .map((f) => join(FIXTURES, 'real', f)),
  ...readdirSync(join(FIXTURES, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(FIXTURES, 'seeds', f)),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

console.log('Engine (Node): read + check one page, 30 runs after 5 warm-up runs');
console.log('page'.padEnd(40), 'median'.padStart(10), 'p95'.padStart(10), '  status');
const medians: number[] = [];
for (const p of pages) {
  const html = isHtml(p.path, p.text);
  const times: number[] = [];
  let status = '';
  for (let i = 0; i < 35; i++) {
    const t0 = performance.now();
    const { report } = await analyzeSource(p.path, p.text, html);
    const dt = performance.now() - t0;
    if (i >= 5) times.push(dt);
    status = report.status;
  }
  medians.push(median(times));
  console.log(
    p.path.split('/').pop()!.padEnd(40),
    ms(median(times)).padStart(10),
    ms(quantile(times, 0.95)).padStart(10),
    ' ',
    status,
  );
}
const engineMedian = median(medians);
console.log(
  `median of the page medians: ${ms(engineMedian)} — ${target('engine median per page', engineMedian, 5, 'lower')} (target ≤ 5 ms)\n`,
);

// pages per second through the CLI's path (decode + parse + read + check), ≥ 1,000 pages
{
  const rounds = Math.ceil(1000 / pages.length);
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < rounds; r++)
    for (const p of pages) {
      await analyzeSource(p.path, p.text, isHtml(p.path, p.text));
      n++;
    }
  const perSecond = n / ((performance.now() - t0) / 1000);
  console.log(
    `throughput: ${n} pages in ${((performance.now() - t0) / 1000).toFixed(2)} s = ${perSecond.toFixed(0)} pages/s — ${target('pages per second', perSecond, 200, 'higher')} (target ≥ 200)\n`,
  );
}

// how cost grows with other tables on the page
{
  const report = renderPage(
    {
      format: '2021',
      organ: '示例县人民政府',
      year: 2024,
      cells: randomCells('2021', rng(1)),
      style: 'template',
      chrome: 'trs',
    },
    rng(2),
  ).content;
  const bigTable = `<table>${Array.from({ length: 50 }, (_, i) => `<tr><td>项目${i}</td><td>${i * 13}</td><td>${i * 7}</td><td>说明文字${i}</td></tr>`).join('')}</table>`;
  console.log('Scaling: the report plus N other 50-row tables');
  const rows: [number, number][] = [];
  for (const n of [1, 10, 100, 1000]) {
    const page = report.replace('<body>', `<body>${bigTable.repeat(n)}`);
    const times: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      await analyzeSource('scale', page, true);
      times.push(performance.now() - t0);
    }
    rows.push([n, median(times)]);
    console.log(
      `  ${String(n).padStart(5)} tables  ${(page.length / 1024).toFixed(0).padStart(6)} KB  ${ms(median(times)).padStart(11)}  ${(median(times) / n).toFixed(3)} ms/table`,
    );
  }
  // linear growth: 1000 tables cost at most ~10× what 100 do (plus slack), not 100×
  const ratio = rows[3][1] / rows[2][1];
  console.log(
    `  100 → 1000 tables: ×${ratio.toFixed(1)} — ${target('growth 100→1000 tables', ratio, 15, 'lower')} (linear ≈ ×10)\n`,
  );
}

// ---------- bundles ----------
const ext = resolve('.output/chrome-mv3');
if (!existsSync(join(ext, 'manifest.json'))) execFileSync('npx', ['wxt', 'build', '-b', 'chrome'], { stdio: 'ignore' });
const size = (file: string) => ({ raw: statSync(file).size, gz: gzipSync(readFileSync(file)).length });
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log('Bundles (wxt build, minified): raw / gzip');
const content = size(join(ext, 'content-scripts/content.js'));
console.log(
  `  content script              ${kb(content.raw).padStart(9)} / ${kb(content.gz).padStart(8)} — ${target('content script gzip KB', content.gz / 1024, 40, 'lower')} (target ≤ 40 KB gzip; opencc is not in it)`,
);
for (const f of readdirSync(join(ext, 'chunks'))) {
  const s = size(join(ext, 'chunks', f));
  console.log(`  ${(`chunks/${f}`).padEnd(28)}${kb(s.raw).padStart(9)} / ${kb(s.gz).padStart(8)}`);
}
const bg = size(join(ext, 'background.js'));
console.log(
  `  background.js (holds opencc)${kb(bg.raw).padStart(9)} / ${kb(bg.gz).padStart(8)}   loads in the service worker, only used for traditional-Chinese pages\n`,
);

// ---------- content script in headless Chromium ----------
{
  const samples: Record<string, string> = {
    '/ordinary.html': `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务要闻_示例县人民政府</title></head><body><nav>${'<a href="#">栏目</a>'.repeat(200)}</nav>${Array.from({ length: 2000 }, (_, i) => `<p>第${i}段：县政府召开常务会议，研究部署近期重点工作${i}。</p>`).join('')}${`<table>${Array.from({ length: 300 }, (_, i) => `<tr><td>${i}</td><td>通知${i}</td><td>2024-01-0${i % 9}</td></tr>`).join('')}</table>`.repeat(5)}</body></html>`,
  };
  for (const p of pages.filter((p) => p.path.endsWith('.html'))) samples[`/${p.path.split('/').pop()}`] = p.text;
  const faulty = randomCells('2021', rng(3));
  faulty['t3.granted.natural'] = (faulty['t3.granted.natural'] as number) + 2;
  samples['/generated-faulty.html'] = renderPage(
    { format: '2021', organ: '示例县人民政府', year: 2024, cells: faulty, style: 'word', chrome: 'layout-table' },
    rng(4),
  ).content;
  const server = createServer((req, res) => {
    const body = samples[new URL(req.url ?? '/', 'http://x').pathname];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
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
  const page = await context.newPage();
  const MEASURES = `(() => {
    const get = (n) => performance.getEntriesByName(n)[0]?.duration;
    const detect = get('nianbao:detect');
    if (detect === undefined) return null;
    const isReport = /报告|報告/.test(document.title) || !!document.querySelector('nianbao-check-ui');
    const mark = get('nianbao:mark');
    if (isReport && mark === undefined) return null;
    return [detect, get('nianbao:analyze') ?? 0, mark ?? 0];
  })()`;
  console.log('Content script in headless Chromium (performance.measure inside the content script), 15 loads each');
  console.log(
    'page'.padEnd(34),
    'detect'.padStart(10),
    'read+check'.padStart(12),
    'mark'.padStart(9),
    'total median'.padStart(14),
  );
  for (const path of Object.keys(samples)) {
    const totals: number[] = [];
    const parts: number[][] = [[], [], []];
    for (let i = 0; i < 15; i++) {
      await page.goto(`http://www.example.gov.cn:${port}${path}`);
      const m = await page
        // a string, not a function: the TypeScript runner would wrap a function in helpers the page does not have
        .waitForFunction(MEASURES, undefined, { timeout: 10_000 })
        .then((h) => h.jsonValue() as Promise<number[]>);
      m.forEach((v, k) => {
        parts[k].push(v);
      });
      totals.push(m[0] + m[1] + m[2]);
    }
    const med = median(totals);
    const isOrdinary = path === '/ordinary.html';
    const verdict = isOrdinary
      ? target('ordinary page content script ms', med, 0.5, 'lower')
      : target(`report page ${path} ms`, med, 10, 'lower');
    console.log(
      path.padEnd(34),
      ms(median(parts[0])).padStart(10),
      ms(median(parts[1])).padStart(12),
      ms(median(parts[2])).padStart(9),
      ms(med).padStart(14),
      ` ${verdict} (target ≤ ${isOrdinary ? '0.5' : '10'} ms)`,
    );
  }
  await context.close();
  server.close();
}

if (misses.length) {
  console.log(`\nmissed targets:\n  ${misses.join('\n  ')}`);
  if (check) process.exitCode = 1;
} else console.log('\nall targets met');
