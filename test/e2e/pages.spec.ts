/** What is a report, in Chromium; pages with a strict CSP; a stopped background worker; a page too large to send. */
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { analyzeFile } from '../../cli/read-input';
import { FIXTURES } from '../support/analyze';
import { badge, countOf, detectorRan, expect, gov, openPopup, test } from './fixtures';
import { FAULTY_MARKS, faultyPage } from './server';

const html = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

async function serve(page: Page, path: string, body: string, headers: Record<string, string> = {}) {
  await page.route(`**${path}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body, headers }));
}

const NOT_REPORTS: Record<string, string> = {
  '/notice.html': html(
    '关于开展2024年度政府信息公开工作年度报告编制工作的通知_通知公告',
    '<h1>关于开展2024年度政府信息公开工作年度报告编制工作的通知</h1><p>各县（区）人民政府，市政府各部门：为做好2024年度政府信息公开工作年度报告编制和发布工作，现将有关事项通知如下。</p>',
  ),
  '/list.html': html(
    '政府信息公开年报_示例市人民政府',
    `<h2>政府信息公开年报</h2><ul>${[2024, 2023, 2022, 2021, 2020].map((y) => `<li><a href="/nb/${y}.html">示例市人民政府${y}年政府信息公开工作年度报告</a></li>`).join('')}</ul>`,
  ),
  '/website-form.html': html(
    '示例市人民政府2023年政府网站工作年度报表',
    '<h1>示例市人民政府2023年政府网站工作年度报表</h1><p>（2023年度）</p><table><tr><td>网站名称</td><td>示例市人民政府</td></tr><tr><td>独立用户访问总量</td><td>123456</td></tr><tr><td>政府信息公开年报</td><td>已发布</td></tr></table>',
  ),
};

for (const [path, body] of Object.entries(NOT_REPORTS)) {
  test(`not a report (${path}): no badge, no banner, the popup says why and still offers to check`, async ({
    context,
    serviceWorker,
    extensionId,
    port,
  }) => {
    const page = await context.newPage();
    await serve(page, path, body);
    await page.goto(gov(port, path));
    await expect.poll(() => detectorRan(context, page)).toBe(true);
    await page.waitForTimeout(300);
    await expect(page.locator('nianbao-check-ui')).toHaveCount(0);
    expect(await countOf(context, page, 'analyze')).toBe(0);
    expect(await badge(serviceWorker, page)).toBe('');
    const popup = await openPopup(context, serviceWorker, extensionId, page);
    await expect(popup.locator('[data-testid="not-a-report"]')).toContainText('不是年度报告');
    await popup.locator('[data-testid="check-anyway"]').click();
    await expect(popup.locator('[data-testid="not-a-report"]')).toContainText('不是');
    await expect(page.locator('nianbao-check-ui')).toHaveCount(0);
  });
}

test('a report whose tables are only an attachment: a report, the reason said, the attachment listed', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  const title = '示例县人民政府2023年政府信息公开工作年度报告';
  await serve(
    page,
    '/attached.html',
    html(
      title,
      `<h1>${title}</h1><p>一、总体情况</p><p>附件：<a href="/files/2023nb.pdf">示例县2023年年报.pdf</a></p>`,
    ),
  );
  await page.goto(gov(port, '/attached.html'));
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="status-notice"]')).toContainText('附件');
  await expect(popup.locator('[data-testid="attachments"] a')).toHaveAttribute('href', gov(port, '/files/2023nb.pdf'));
  await expect(popup.locator('[data-testid="copy-json"]')).toBeVisible();
});

test('a report published as a PDF attachment: read from the popup, shown like any report, its JSON the CLI’s', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  const title = '淮安市洪泽区人民政府2024年政府信息公开工作年度报告';
  await serve(
    page,
    '/pdf-report.html',
    html(
      title,
      `<h1>${title}</h1><p>一、总体情况</p><p>附件：<a href="/corpus/03_hongze_2024.pdf">2024年政府信息公开工作年度报告.pdf</a></p>`,
    ),
  );
  await page.goto(gov(port, '/pdf-report.html'));
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="pdf-attachment"]')).toHaveText('报告为 PDF 附件');
  const clicked = Date.now();
  await popup.locator('[data-testid="read-pdf"]').click();
  await expect(popup.locator('[data-testid="summary"]')).toBeVisible({ timeout: 15_000 });
  console.log(`PDF attachment: result shown ${Date.now() - clicked} ms after the click`);
  await expect(popup.locator('[data-testid="read-from-pdf"]')).toContainText('03_hongze_2024.pdf');
  // figures read off the PDF's table 三 by hand: 本年新收 95, （七）总计 95
  await expect(popup.locator('table[data-table="t3"] td[data-key="t3.new.total"]')).toHaveText('95');
  await expect(popup.locator('table[data-table="t3"] td[data-key="t3.total.total"]')).toHaveText('95');
  await expect(popup.locator('[data-testid="clear-marks"]')).toHaveCount(0);
  await expect.poll(() => badge(serviceWorker, page)).toBe('✓');
  await popup.screenshot({ path: 'test-results/popup-pdf.png', fullPage: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.locator('[data-testid="copy-json"]').click();
  await expect(popup.locator('[data-testid="toast"]')).toHaveText('已复制');
  const copied = JSON.parse(await popup.evaluate(() => navigator.clipboard.readText()));
  const { report } = await analyzeFile(join(FIXTURES, 'real/03_hongze_2024.pdf'));
  expect({ ...copied, source: '' }).toEqual({ ...JSON.parse(JSON.stringify(report)), source: '' });
  expect(copied.source).toBe(gov(port, '/corpus/03_hongze_2024.pdf'));
});

test('a page with a strict Content-Security-Policy is still marked', async ({ context, port }) => {
  const page = await context.newPage();
  await serve(page, '/csp.html', faultyPage(), {
    'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'none'",
  });
  await page.goto(gov(port, '/csp.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible();
  await expect(page.locator('[data-cell="t3.granted.natural"]')).toHaveAttribute(
    'data-nianbao-rule',
    't3-results-sum t3-row-total',
  );
});

/**
 * Stops the background worker as Chromium does when it idles. The DevTools session that stops it is
 * closed at once: while its ServiceWorker domain stays enabled, the stopped worker is not started
 * again for the page's message (what made this test fail now and then before).
 */
async function stopWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
}

test('a stopped background worker is woken by the page that needs it; the marks come whole', async ({
  context,
  serviceWorker,
  port,
}) => {
  const page = await context.newPage();
  await serve(page, '/cold.html', faultyPage());
  await page.goto('about:blank');
  // stopped once it has started, as Chromium stops an idle worker (stopping it while the freshly
  // installed extension was still starting it left it unable to start again, now and then)
  await serviceWorker.evaluate(() => true);
  await stopWorker(context, page);
  await page.goto(gov(port, '/cold.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-nianbao-rule]')).toHaveCount(FAULTY_MARKS.size);
});

test('a report too large to send: nothing marked, the popup says so', async ({
  context,
  serviceWorker,
  extensionId,
  port,
}) => {
  const page = await context.newPage();
  const filler = `<p>${'政务公开工作持续推进，信息发布及时准确。'.repeat(50)}</p>`.repeat(3200);
  await serve(page, '/huge.html', faultyPage().replace('一、总体情况', `一、总体情况${filler}`));
  await page.goto(gov(port, '/huge.html'));
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.locator('[data-testid="status-notice"]')).toContainText('过大');
  await expect(page.locator('[data-nianbao-rule]')).toHaveCount(0);
});
