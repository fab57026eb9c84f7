/**
 * `npm run bench`: prints how fast the engine and the content script are, and how big the bundles
 * are. `npm run bench -- --check` exits 1 when a target is missed. Not part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyzeSource, isHtml } from '../cli/read-input';
import { measurePageCost, printPageCost } from './page-cost';
import { benchPages } from './pages';
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
const line = (name: string, file: string, note: string) => {
  const s = size(file);
  console.log(`  ${name.padEnd(30)}${kb(s.raw).padStart(9)} / ${kb(s.gz).padStart(8)}   ${note}`);
  return s;
};
console.log('Bundles (wxt build, minified): raw / gzip');
const content = line('detector.js (content script)', join(ext, 'detector.js'), 'on every gov.cn page: is it a report?');
console.log(
  `  ${''.padEnd(30)}${target('content script gzip KB', content.gz / 1024, 5, 'lower')} (target ≤ 5 KB gzip)`,
);
line('page-ui.js', join(ext, 'page-ui.js'), 'session, marks and banner (Preact): on report pages, or on request');
for (const f of readdirSync(join(ext, 'chunks'))) line(`chunks/${f}`, join(ext, 'chunks', f), 'the popup');
line(
  'background.js',
  join(ext, 'background.js'),
  'the reader (parse5, checks, opencc for traditional pages), in the service worker',
);
console.log('');

// ---------- the CLI as a process ----------
{
  const cli = resolve('dist/nianbao-check.mjs');
  if (!existsSync(cli)) execFileSync('npx', ['tsx', 'scripts/build-cli.ts'], { stdio: 'ignore' });
  line('dist/nianbao-check.mjs', cli, 'the CLI, one file, no dependencies');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, '--version']);
    times.push(performance.now() - t0);
  }
  console.log(`  start-up (--version), median of 7: ${ms(median(times))}`);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const files: string[] = [];
  while (files.length < 1000) {
    for (const p of pages) {
      const file = join(dir, `${String(files.length).padStart(4, '0')}_${basename(p.path)}`);
      copyFileSync(p.path, file);
      files.push(file);
    }
  }
  const t0 = performance.now();
  spawnSync(process.execPath, [cli, '--json', ...files], { stdio: 'ignore', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `  one process, --json, ${files.length} pages: ${seconds.toFixed(2)} s = ${(files.length / seconds).toFixed(0)} pages/s (start-up, reading, decoding, checking, validating, writing)\n`,
  );
}

// ---------- the extension's cost on pages, as Chromium counts it ----------
{
  const { pages, reports } = benchPages();
  const results = await measurePageCost(ext, pages, reports);
  printPageCost(results);
  for (const r of results) {
    const added = r.ours.total - r.empty.total;
    if (r.report) target(`report page ${r.path}: added main-thread ms`, added, 10, 'lower');
    else target(`ordinary page ${r.path}: added main-thread ms`, added, 2, 'lower');
  }
  console.log('  targets: ordinary pages ≤ +2 ms, report pages ≤ +10 ms (Script+Task added)');
}

if (misses.length) {
  console.log(`\nmissed targets:\n  ${misses.join('\n  ')}`);
  if (check) process.exitCode = 1;
} else console.log('\nall targets met');
