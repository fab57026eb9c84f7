/**
 * Reports published as PDF: our generated pages, in every style, printed to PDF by headless Chromium
 * (tables break across pages as they do in real exports), then read back with the CLI's PDF reader.
 * Every figure read is the one printed, or unreadable and said; never another number.
 */
import { chromium, expect, test } from '@playwright/test';
import { analyzeBytes, InputError } from '../../cli/read-input';
import { CHROMIUM_PATH } from '../support/chromium';
import { HTML_STYLES, renderPage, TEXT_STYLES } from '../support/render';
import { randomCells, rng } from '../support/report-cells';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const asPrintable = (content: string, kind: 'html' | 'text') =>
  kind === 'html'
    ? content
    : `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre style="font: 9px 'Noto Sans Mono CJK SC', monospace; white-space: pre-wrap">${escapeHtml(content)}</pre></body></html>`;

test('generated reports printed to PDF in every style: exact or unreadable, never wrong; a changed figure is found', async () => {
  test.setTimeout(240_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const count = { pdfs: 0, exact: 0, cellsUnreadable: 0, wrong: 0, faults: 0, faultsFound: 0, faultsUnreadable: 0 };
  const wrong: string[] = [];
  const missed: string[] = [];
  // runs as `npm test` runs it: the count is printed for the README and the closing note
  try {
    for (const style of [...HTML_STYLES, ...TEXT_STYLES]) {
      for (let i = 0; i < 3; i++) {
        const seed = 7000 + count.pdfs;
        const cells = randomCells('2021', rng(seed), 60);
        const faulty = i === 2;
        const printed = faulty ? { ...cells, 't3.granted.natural': (cells['t3.granted.natural'] ?? 0) + 4 } : cells;
        const rendered = renderPage(
          { format: '2021', organ: '示例县人民政府', year: 2024, cells: printed, style },
          rng(seed),
        );
        await page.setContent(asPrintable(rendered.content, rendered.kind));
        const pdf = await page.pdf({ format: 'A4', printBackground: false });
        const { report } = await analyzeBytes(`${style}-${i}.pdf`, new Uint8Array(pdf));
        count.pdfs++;
        expect(report.status, `${style} ${i}`).toBe('checked');
        for (const [key, value] of Object.entries(report.cells)) {
          if (report.cellDetails[key].state === 'unreadable') count.cellsUnreadable++;
          else if (value !== printed[key]) {
            count.wrong++;
            wrong.push(`${style} ${i} ${key}: read ${value}, printed ${printed[key]}`);
          }
        }
        if (Object.entries(printed).every(([k, v]) => report.cells[k] === v)) count.exact++;
        if (faulty) {
          count.faults++;
          const found = report.findings.some(
            (f) => f.status === 'fail' && f.severity === 'error' && f.cells.includes('t3.granted.natural'),
          );
          if (found) count.faultsFound++;
          // a run-together row that no longer adds up cannot be split: its cells are unreadable, and said
          else if (report.cellDetails['t3.granted.natural'].state === 'unreadable') count.faultsUnreadable++;
          else missed.push(`${style}: ${report.summary.errors} errors`);
        } else expect(report.summary.errors, `${style} ${i}: a consistent report`).toBe(0);
      }
    }
  } finally {
    await browser.close();
  }
  console.log('generated PDFs:', count, missed);
  expect(wrong).toEqual([]);
  expect(missed).toEqual([]);
  expect(count.faultsFound + count.faultsUnreadable).toBe(count.faults);
  expect(count.exact).toBeGreaterThan(count.pdfs / 2);
});

test('pages shown sideways or upside down (a landscape table printed rotated) read as if upright', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const cells = randomCells('2021', rng(4), 60);
    await page.setContent(
      renderPage({ format: '2021', organ: '示例县人民政府', year: 2024, cells, style: 'template' }, rng(4)).content,
    );
    const pdf = Buffer.from(await page.pdf({ format: 'A4', landscape: true })).toString('latin1');
    for (const turn of [90, 180, 270]) {
      // every page shown turned; PDF.js rebuilds the cross-reference table the edit shifts
      const turned = Buffer.from(pdf.replace(/\/Type \/Page(?!s)/g, `/Type /Page /Rotate ${turn}`), 'latin1');
      const { report } = await analyzeBytes(`turned-${turn}.pdf`, new Uint8Array(turned));
      expect(report.status, `${turn}°`).toBe('checked');
      expect(report.cells, `${turn}°`).toEqual(cells);
    }
  } finally {
    await browser.close();
  }
});

test('a scanned PDF (pages that are images, no text) is said to be one, not read as an empty report', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const rendered = renderPage(
      { format: '2021', organ: '示例县人民政府', year: 2024, cells: randomCells('2021', rng(1)), style: 'template' },
      rng(1),
    );
    await page.setContent(rendered.content);
    const picture = (await page.screenshot({ fullPage: true })).toString('base64');
    await page.setContent(`<img src="data:image/png;base64,${picture}" style="width: 100%">`);
    const pdf = await page.pdf({ format: 'A4' });
    const reading = analyzeBytes('scanned.pdf', new Uint8Array(pdf));
    await expect(reading).rejects.toThrow(InputError);
    await expect(reading).rejects.toThrow(/no text layer: the PDF is scanned images/);
  } finally {
    await browser.close();
  }
});
