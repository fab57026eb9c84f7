/**
 * One reader: the JSON the popup copies equals the CLI's JSON for the same file (every field but
 * `source`), on every fixture page, every generated markup style, and cells holding block elements.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { analyzeFile } from '../../cli/read-input';
import { FIXTURES } from '../support/analyze';
import { HTML_STYLES, TEXT_STYLES, renderPage } from '../support/render';
import { randomCells, rng, type Format } from '../support/report-cells';
import { detectorRan, expect, gov, test } from './fixtures';

declare const chrome: typeof import('wxt/browser').browser;

interface Sample {
  name: string;
  body: string;
  html: boolean;
}

const realPages = (dir: string): Sample[] =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => /\.(html|txt|md)$/.test(f))
    .map((f) => ({
      name: `${dir}-${f}`,
      body: readFileSync(join(FIXTURES, dir, f), 'utf8'),
      html: f.endsWith('.html'),
    }));

const generated: Sample[] = (['2021', '2019'] as Format[]).flatMap((format, k) =>
  [...HTML_STYLES, ...TEXT_STYLES].map((style, i) => {
    const r = rng(1000 + i * 7 + k);
    const cells = randomCells(format, r);
    const page = renderPage(
      {
        format,
        organ: '某某县人民政府办公室',
        year: format === '2021' ? 2023 : 2019,
        cells,
        style,
        chrome: (['none', 'trs', 'layout-table'] as const)[i % 3],
      },
      r,
    );
    return {
      name: `gen-${format}-${style}.${page.kind === 'html' ? 'html' : 'txt'}`,
      body: page.content,
      html: page.kind === 'html',
    };
  }),
);

const template = renderPage(
  {
    format: '2021',
    organ: '某某市生态环境局',
    year: 2024,
    cells: randomCells('2021', rng(77)),
    style: 'template',
    chrome: 'trs',
  },
  rng(78),
).content;
const plainCell = /<td([^>]*)>([^<]*)<\/td>/g;
const blocks: Sample[] = [
  // a Word-pasted cell holding the label and the figure as two paragraphs (the case that split the two readers)
  {
    name: 'block-label-and-figure.html',
    html: true,
    body: template.replace(
      /<td([^>]*)>(规章|行政规范性文件)<\/td><td[^>]*>([^<]*)<\/td>/g,
      '<td$1><p>$2</p><p>$3</p></td>',
    ),
  },
  { name: 'block-p.html', html: true, body: template.replace(plainCell, '<td$1><p class="MsoNormal">$2</p></td>') },
  { name: 'block-div.html', html: true, body: template.replace(plainCell, '<td$1><div><span>$2</span></div></td>') },
  { name: 'block-br.html', html: true, body: template.replace(plainCell, '<td$1>$2<br></td>') },
  {
    name: 'block-p-pairs.html',
    html: true,
    body: template.replace(plainCell, (_m, a, t) => `<td${a}><p>${t}</p><p>&nbsp;</p></td>`),
  },

  // the overview's words in the portal's menu before the report: the content script sends the report's
  // element (found from table 三), the CLI reads from the menu on; the same report either way
  {
    name: 'overview-in-menu.html',
    html: true,
    body: template.replace(/<body[^>]*>/, (b) => `${b}<nav><a href="#">2023年度总体情况</a></nav>`),
  },
];

const SAMPLES = [...realPages('real'), ...realPages('seeds'), ...generated, ...blocks];

async function copiedJson(popup: Page, tabId: number, extensionId: string): Promise<unknown> {
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  const copy = popup.locator('[data-testid="copy-json"]');
  const anyway = popup.locator('[data-testid="check-anyway"]');
  await expect(copy.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) {
    await anyway.click();
    await expect(copy.or(popup.locator('[data-testid="not-a-report"]'))).toBeVisible();
    if (!(await copy.isVisible())) return null;
  }
  await popup.evaluate(() => navigator.clipboard.writeText(''));
  await copy.click();
  await expect(popup.locator('[data-testid="toast"]')).not.toBeEmpty();
  return JSON.parse(await popup.evaluate(() => navigator.clipboard.readText()));
}

test('the copied JSON equals the CLI’s on every fixture, every generated style, block elements in cells', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-same-'));
  const page = await context.newPage();
  for (const s of SAMPLES) {
    await page.route(`**/same/${s.name}`, (route) =>
      route.fulfill({ contentType: `${s.html ? 'text/html' : 'text/plain'}; charset=utf-8`, body: s.body }),
    );
  }
  await page.goto(gov(port, '/same/none'));
  await page.bringToFront();
  const tabId = await serviceWorker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!,
  );
  const popup = await context.newPage();
  const compared: string[] = [];
  for (const s of SAMPLES) {
    // each page read alone, as the CLI reads one file: no history to pair it with last year's
    await serviceWorker.evaluate(
      () =>
        new Promise((done) => {
          const request = indexedDB.deleteDatabase('nianbao-history');
          request.onsuccess = request.onerror = () => done(null);
        }),
    );
    await page.goto(gov(port, `/same/${s.name}`));
    await expect.poll(() => detectorRan(context, page)).toBe(true);
    const copied = await copiedJson(popup, tabId, extensionId);
    const file = join(dir, s.name);
    writeFileSync(file, s.body);
    const { report } = await analyzeFile(file);
    if (copied === null) {
      expect(report.status, `${s.name}: the extension found no report; neither may the CLI`).toBe('not-a-report');
      continue;
    }
    expect({ ...(copied as object), source: '' }, s.name).toEqual({
      ...JSON.parse(JSON.stringify(report)),
      source: '',
    });
    compared.push(s.name);
  }
  // every page but the ones that hold no report was compared field by field
  expect(compared.length).toBeGreaterThanOrEqual(SAMPLES.length - 1);
});
