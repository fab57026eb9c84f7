/**
 * `npm run demo`: serves bundled sample reports as www.example.gov.cn, opens Chromium with the
 * built extension, and shows what a reviewer sees. With a display the browser stays open; without
 * one it saves screenshots of the marked page and the popup and prints the findings.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { CHROMIUM_PATH, extensionArgs } from '../test/support/chromium';
import { renderPage } from '../test/support/render';
import { randomCells, rng } from '../test/support/report-cells';

const OUT = resolve(process.env.DEMO_OUT ?? 'demo-output');
const EXT = resolve('.output/chrome-mv3');
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

// a consistent report with two mistakes a reviewer would want to catch: a typo in table 三 (the
// cell most likely wrong is named) and a number of applications in the text that the table does not have
const cells = randomCells('2021', rng(2024));
cells['t3.granted.natural'] = (cells['t3.granted.natural'] as number) + 3;
const received = (cells['t3.new.total'] as number) + (cells['t3.carried_over.total'] as number);
const SAMPLES: Record<string, string> = {
  '/report.html': renderPage(
    { format: '2021', organ: '示例县人民政府办公室', year: 2024, cells, style: 'word', chrome: 'trs' },
    rng(9),
  ).content.replace(/共收到政府信息公开申请\d+件/, `共收到政府信息公开申请${received + 20}件`),
  '/clean.html': renderPage(
    {
      format: '2021',
      organ: '示例市生态环境局',
      year: 2023,
      cells: randomCells('2021', rng(7)),
      style: 'template',
      chrome: 'layout-table',
    },
    rng(3),
  ).content,
  '/2019.html': renderPage(
    {
      format: '2019',
      organ: '示例区人民政府',
      year: 2019,
      cells: randomCells('2019', rng(5)),
      style: 'template',
      chrome: 'trs',
    },
    rng(4),
  ).content,
};

const server = createServer((req, res) => {
  const body = SAMPLES[new URL(req.url ?? '/', 'http://x').pathname];
  if (!body) return void res.writeHead(404).end('not found');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const url = (path: string) => `http://www.example.gov.cn:${port}${path}`;

const context: BrowserContext = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_PATH,
  headless,
  locale: 'zh-CN',
  viewport: { width: 1280, height: 900 },
  args: extensionArgs(EXT),
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(sw.url()).host;

async function popupFor(page: Page): Promise<Page> {
  await page.bringToFront();
  const tabId = await sw.evaluate(
    async () =>
      (
        await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.tabs.query({
          active: true,
          lastFocusedWindow: true,
        })
      )[0].id,
  );
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 660, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup
    .locator('[data-testid="summary"], [data-testid="not-a-report"], [data-testid="status-notice"]')
    .first()
    .waitFor();
  return popup;
}

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url('/report.html'));
await page.locator('[data-nianbao-rule]').first().waitFor();

if (!headless) {
  console.log(
    `Chromium is open with the extension. Sample reports:\n  ${Object.keys(SAMPLES).map(url).join('\n  ')}\nClose the browser (or press Ctrl-C) to stop.`,
  );
  await new Promise<void>((r) => context.on('close', () => r()));
} else {
  mkdirSync(OUT, { recursive: true });
  // the cell most likely wrong, with the explanation shown
  const suspect = page.locator('[data-nianbao-emphasis="suspect"]').first();
  const shown = (await suspect.count()) ? suspect : page.locator('[data-nianbao-rule]').first();
  await shown.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await shown.hover();
  await page.screenshot({ path: `${OUT}/marked-page.png` });
  // and a figure of the text that the table contradicts, marked inside its sentence
  const quoted = page.locator('[data-nianbao-quote]').first();
  if (await quoted.count()) {
    await quoted.scrollIntoViewIfNeeded();
    await quoted.hover();
    await page.screenshot({ path: `${OUT}/marked-text.png` });
  }
  const popup = await popupFor(page);
  await popup.screenshot({ path: `${OUT}/popup.png`, fullPage: true });
  const findings = await popup.locator('[data-testid="findings"] li').allInnerTexts();
  console.log(
    `${url('/report.html')}\n  ${(await popup.locator('[data-testid="report-meta"]').innerText()).trim()}\n  ${(await popup.locator('[data-testid="summary"]').innerText()).replace(/\s+/g, ' ')}`,
  );
  for (const f of findings) console.log(`  - ${f.replace(/\s+/g, ' ')}`);
  for (const path of ['/clean.html', '/2019.html']) {
    const p = await context.newPage();
    await p.goto(url(path));
    await p.waitForTimeout(300);
    const pop = await popupFor(p);
    console.log(
      `${url(path)}\n  ${(await pop.locator('[data-testid="report-meta"]').innerText()).trim()}\n  ${(await pop.locator('[data-testid="summary"]').innerText()).replace(/\s+/g, ' ')}`,
    );
  }
  console.log(`\nScreenshots: ${OUT}/marked-page.png, ${OUT}/marked-text.png, ${OUT}/popup.png`);
  await context.close();
}
server.close();
