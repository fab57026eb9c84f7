/**
 * `npm run bench:pdf`: read + check of PDFs in Node with the CLI's reader (PDF.js), median of 11 runs
 * after one warm-up: the three corpus PDFs, and a 10-page text PDF that Chromium prints from a
 * generated report with a long overview. Target: ≤ 300 ms median for the 10-page PDF.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { pdfLines } from '../cli/pdf';
import { analyzeBytes } from '../cli/read-input';
import { CHROMIUM_PATH } from '../test/support/chromium';
import { renderPage } from '../test/support/render';
import { randomCells, rng } from '../test/support/report-cells';

const RUNS = 11;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function tenPagePdf(): Promise<Uint8Array> {
  const report = renderPage(
    { format: '2021', organ: '示例县人民政府', year: 2024, cells: randomCells('2021', rng(10)), style: 'template' },
    rng(10),
  ).content;
  const overview = Array.from(
    { length: 160 },
    (_, i) =>
      `<p>（${i + 1}）示例县人民政府坚持以人民为中心，深化政务公开，全年围绕重点领域发布信息${i * 7}条，回应关切${i}次。</p>`,
  ).join('');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(report.replace('一、总体情况</p>', `一、总体情况</p>${overview}`));
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

async function time(name: string, bytes: Uint8Array) {
  const { report } = await analyzeBytes(name, bytes); // warm-up, and what is read
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await analyzeBytes(name, bytes);
    times.push(performance.now() - t0);
  }
  const pages = (await pdfLines(bytes)).at(-1)?.page ?? 0;
  console.log(
    `${name.padEnd(28)} ${String(bytes.length >> 10).padStart(5)} KB  read+check median ${median(times).toFixed(0).padStart(4)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ${pages} pages, cells read ${report.summary.cellsRead}`,
  );
  return median(times);
}

console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}\n`);
const t0 = performance.now();
await analyzeBytes('first', readFileSync(resolve('test/fixtures/real/03_hongze_2024.pdf')));
console.log(
  `first PDF of a process (loads PDF.js and its character maps): ${(performance.now() - t0).toFixed(0)} ms\n`,
);
for (const f of ['01_huaian_szf_2024.pdf', '02_hongze_2023.pdf', '03_hongze_2024.pdf'])
  await time(f, new Uint8Array(readFileSync(join('test/fixtures/real', f))));
const ten = await time('generated, long overview', await tenPagePdf());
console.log(`\n10-page text PDF: ${ten.toFixed(0)} ms median (target ≤ 300 ms): ${ten <= 300 ? 'ok' : 'MISSED'}`);
