import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFile } from '../../cli/read-input';
import { FIXTURES } from '../support/analyze';
import { badge, countOf, detectorRan, expect, gov, openPopup, test } from './fixtures';
import { FAULTY_CELLS, FAULTY_MARKS, NARRATIVE_FIGURE } from './server';

const marked = (page: import('@playwright/test').Page) =>
  page
    .locator('[data-nianbao-rule]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? e.textContent ?? ''));

test('a clean real report (TRS page, corpus 12): read, no marks, badge ✓, banner says no problems', async ({
  context,
  serviceWorker,
  port,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/corpus/12_pingtan_2023_trs.html'));
  await expect(page.locator('nianbao-check-ui')).toHaveCount(1);
  expect(await marked(page)).toEqual([]);
  await expect.poll(() => badge(serviceWorker, page)).toBe('✓');
});

test('a faulty report: exactly the cells of the failing checks are marked, with explanations', async ({
  context,
  serviceWorker,
  port,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/faulty.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible();
  expect(new Set(await marked(page))).toEqual(FAULTY_MARKS);
  const cell = page.locator('[data-cell="t3.granted.natural"]');
  await expect(cell).toHaveAttribute('data-nianbao-rule', 't3-results-sum t3-row-total');
  // the one figure that explains both failing sums is marked strongest, the cells around it lighter
  await expect(cell).toHaveAttribute('data-nianbao-emphasis', 'suspect');
  await expect(page.locator('[data-cell="t3.granted.business"]')).toHaveAttribute('data-nianbao-emphasis', 'context');
  await expect(page.locator('[data-nianbao-emphasis="suspect"]')).toHaveCount(1);
  await expect(cell).toHaveText(String(FAULTY_CELLS['t3.granted.natural']));
  // the page's own text is untouched, the mark takes no space
  const layout = () =>
    page
      .locator('[data-cell="t3.new.natural"]')
      .evaluate((el: HTMLElement) => [el.offsetLeft, el.offsetTop, el.offsetWidth, el.offsetHeight]);
  const before = await layout();
  await cell.hover();
  const tip = page.locator('[data-testid="nianbao-tooltip"]');
  await expect(tip).toContainText('t3-row-total');
  await expect(tip).toContainText('应为');
  await expect(tip).toContainText('涉及：表三「（一）予以公开」自然人'); // the other cells of the relation
  expect(await layout()).toEqual(before);
  expect(await badge(serviceWorker, page)).toBe('2');
  await page.screenshot({ path: 'test-results/marked-page.png' });
});

test('marks are removed with one click and the page is as it was', async ({ context, port }) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/faulty.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible();
  await page.locator('[data-testid="nianbao-clear"]').click();
  await expect(page.locator('[data-nianbao-rule]')).toHaveCount(0);
  await expect(page.locator('nianbao-check-ui')).toHaveCount(0);
  expect(await page.locator('#nianbao-check-style').count()).toBe(0);
  expect(await page.locator('[tabindex]').count()).toBe(0);
  // the same page where the extension does not run (another host): the document is the same
  const untouched = await context.newPage();
  await untouched.goto(`http://127.0.0.1:${port}/gen/faulty.html`);
  const markup = (p: import('@playwright/test').Page) => p.evaluate(() => document.documentElement.outerHTML);
  expect(await markup(page)).toBe(await markup(untouched));
});

test('a figure the text quotes wrongly is marked inside its sentence, and unmarked as it was', async ({
  context,
  port,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/narrative.html'));
  const figure = page.locator('[data-nianbao-quote]');
  await expect(figure).toHaveText(NARRATIVE_FIGURE);
  await expect(figure).toHaveAttribute('data-nianbao-rule', 'narrative-match');
  await expect(figure).toHaveAttribute('data-nianbao-severity', 'warning');
  await figure.hover();
  await expect(page.locator('nianbao-check-ui')).toContainText(`正文所述收到申请数为 ${NARRATIVE_FIGURE}`);
  // the table cell it names is marked too
  await expect(page.locator('[data-cell="t3.new.total"]')).toHaveAttribute('data-nianbao-rule', 'narrative-match');
  await page.locator('[data-testid="nianbao-clear"]').click();
  await expect(figure).toHaveCount(0);
  const untouched = await context.newPage();
  await untouched.goto(`http://127.0.0.1:${port}/gen/narrative.html`);
  const markup = (p: import('@playwright/test').Page) => p.evaluate(() => document.documentElement.outerHTML);
  expect(await markup(page)).toBe(await markup(untouched));
  // one text node again, as the page had it
  expect(
    await page.evaluate(
      (n) =>
        [...document.querySelectorAll('p')].filter((p) => p.textContent?.includes(`申请${n}件`))[0].childNodes.length,
      NARRATIVE_FIGURE,
    ),
  ).toBe(1);
});

test('popup: header, checks failing first, figures laid out like the report, copy JSON equal to the CLI’s', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/faulty.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible();
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="report-meta"]')).toHaveText(
    '示例县人民政府办公室 · 2024年度 · 2021年版格式',
  );
  await expect(popup.locator('[data-testid="summary"]')).toContainText('2 错误');
  // the one printed figure that explains both failing sums, first
  const printed = FAULTY_CELLS['t3.granted.natural'] as number;
  await expect(popup.locator('[data-testid="suspects"]')).toHaveText(
    `最可能出错：表三「（一）予以公开」自然人，表中为 ${printed}；若为 ${printed - 3}，2 项核验均通过`,
  );
  const firstTwo = await popup
    .locator('[data-testid="findings"] li')
    .evaluateAll((lis) => lis.slice(0, 2).map((li) => li.getAttribute('data-rule')));
  expect(firstTwo.sort()).toEqual(['t3-results-sum', 't3-row-total']);
  await expect(popup.locator('table[data-table="t3"] td[data-key="t3.granted.natural"]')).toHaveText(
    String(FAULTY_CELLS['t3.granted.natural']),
  );
  await expect(popup.locator('table[data-table="t3"] td[data-key="t3.granted.natural"]')).toHaveClass(/error/);
  await expect(popup.locator('table[data-table="t4"] td')).toHaveCount(3 * 6);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.locator('[data-testid="copy-json"]').click();
  await expect(popup.locator('[data-testid="toast"]')).toHaveText('已复制');
  const copied = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText()));
  // the CLI on the same page, saved to a file
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-e2e-')), 'faulty.html');
  writeFileSync(
    file,
    await (await fetch(gov(port, '/gen/faulty.html').replace('www.example.gov.cn', '127.0.0.1'))).text(),
  );
  const { report } = await analyzeFile(file);
  expect({ ...copied, source: '' }).toEqual({ ...JSON.parse(JSON.stringify(report)), source: '' });

  await popup.locator('[data-testid="copy-tsv"]').click();
  const tsv = await popup.evaluate(() => navigator.clipboard.readText());
  expect(tsv).toContain('表三 收到和处理政府信息公开申请情况');
  expect(
    tsv
      .split('\n')
      .find((l) => l.startsWith('（一）予以公开'))
      ?.split('\t')[1],
  ).toBe(String(FAULTY_CELLS['t3.granted.natural']));
  await popup.screenshot({ path: 'test-results/popup.png', fullPage: true });
});

test('clicking a finding scrolls the page to its cell and flashes it', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.goto(gov(port, '/gen/faulty.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeAttached();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await popup.locator('[data-testid="findings"] li[data-rule="t3-row-total"] button').first().click();
  await expect(page.locator('[data-cell="t3.granted.natural"]')).toHaveAttribute('data-nianbao-flash', '');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
});

test('a non-report gov.cn page: no marks, no overlay, no reading; the popup says why and offers to check anyway', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/ordinary.html'));
  await page.waitForTimeout(500);
  await expect(page.locator('nianbao-check-ui')).toHaveCount(0);
  expect(await detectorRan(context, page)).toBe(true);
  expect(await countOf(context, page, 'analyze')).toBe(0);
  expect(await badge(serviceWorker, page)).toBe('');
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="not-a-report"]')).toContainText('不是年度报告');
  await popup.locator('[data-testid="check-anyway"]').click();
  await expect(popup.locator('[data-testid="not-a-report"]')).toContainText('未找到');
});

test('a report the page fills in after load is found, without polling forever', async ({ context, port }) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/late.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible({ timeout: 8000 });
});

test('another host gets nothing until “check this page”', async ({ context, serviceWorker, extensionId, port }) => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/gen/faulty.html`);
  await page.waitForTimeout(500);
  await expect(page.locator('nianbao-check-ui')).toHaveCount(0);
  expect(await detectorRan(context, page)).toBe(false);
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await popup.locator('[data-testid="check-this-page"]').click();
  await expect(popup.locator('[data-testid="summary"]')).toContainText('2 错误');
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible();
});

test('traditional-Chinese copy: converted in the background worker, read exactly', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  // seed 001 (雙鴨山市 2024) as a page: text in <pre>, traditional with pinyin notes
  const text = readFileSync(join(FIXTURES, 'seeds/001_f0e1d37416cc1ab7.txt'), 'utf8');
  await page.route('**/trad.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html><head><title>雙鴨山市2024年政府信息公開工作年度報告</title></head><body>${text
        .split('\n')
        .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('')}</body></html>`,
    }),
  );
  await page.goto(gov(port, '/trad.html'));
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="report-meta"]')).toContainText('双鸭山市');
  await expect(popup.locator('td[data-key="t2.licensing.decisions"]')).toHaveText('60435');
  await expect(popup.locator('td[data-key="t3.new.total"]')).toHaveText('292');
});

test('English UI, kept in extension storage', async ({ context, serviceWorker, extensionId, port }) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/faulty.html'));
  let popup = await openPopup(context, serviceWorker, extensionId, page);
  await popup.locator('[data-testid="lang"]').click();
  await expect(popup.locator('[data-testid="summary"]')).toContainText('2 errors');
  await popup.close();
  popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="copy-json"]')).toHaveText('Copy JSON');
});

test('page text that looks like HTML is shown as text, never run; the extension sends no request', async ({
  context,
  serviceWorker,
  extensionId,
  port,
  requests,
}) => {
  const page = await context.newPage();
  await page.goto(gov(port, '/gen/xss.html'));
  // the cell holding `<script>…javascript:` is not a number: an error, marked, explained as text
  const cell = page.locator('[data-cell="t4.review.upheld"]');
  await expect(cell).toHaveAttribute('data-nianbao-rule', /cell-value/);
  await cell.hover();
  await expect(page.locator('[data-testid="nianbao-tooltip"]')).toContainText(
    '<script>window.__xss=5</script>javascript:alert(1)',
  );
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  const popupErrors: string[] = [];
  popup.on('console', (m) => m.type() === 'error' && popupErrors.push(m.text()));
  await expect(popup.locator('[data-testid="report-title"]')).toContainText(
    '<img src=x onerror="window.__xss=1">示例县<script>',
  );
  await expect(popup.locator('[data-testid="findings"]')).toContainText('<script>window.__xss=5</script>');
  await expect(popup.locator('td[data-key="t3.partial.natural"]')).toBeVisible(); // the label with markup in it still names its row
  expect(await popup.locator('img, script:not([src])').count()).toBe(0);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.locator('[data-testid="copy-json"]').click(); // zod validates the export under the extension's CSP (jitless)
  const copied = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText()));
  expect(copied.cellDetails['t4.review.upheld'].text).toBe('<script>window.__xss=5</script>javascript:alert(1)');
  expect(await popup.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(popupErrors).toEqual([]);
  const ours = requests.filter((u) => !u.includes(`:${port}/`) && !u.startsWith('chrome-extension://'));
  expect(ours).toEqual([]);
});
