import { countOf, expect, gov, openPopup, test } from './fixtures';
import { FAULTY_MARKS } from './server';

/** Errors in the page's console that come from us (the page's own are expected on these pages). */
function ourErrors(page: import('@playwright/test').Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /nianbao|chrome-extension/i.test(m.text() + (m.location().url ?? '')))
      errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (/nianbao|chrome-extension/i.test(String(e.stack))) errors.push(String(e));
  });
  return errors;
}

test('a page that breaks Array, JSON, Node and Element methods: marks still exactly right, nothing thrown', async ({
  context,
  port,
}) => {
  const page = await context.newPage();
  const errors = ourErrors(page);
  await page.goto(gov(port, '/hostile/builtins.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeAttached();
  // read through Playwright's locators: the page's own evaluate built-ins are broken on purpose
  const marks = page.locator('[data-nianbao-rule]');
  const marked: string[] = [];
  for (let i = 0, n = await marks.count(); i < n; i++)
    marked.push((await marks.nth(i).getAttribute('data-cell')) ?? '');
  expect(new Set(marked)).toEqual(FAULTY_MARKS);
  expect(errors).toEqual([]);
});

test('a report page whose DOM never stops changing: read once, marks right, no runaway work', async ({
  context,
  port,
}) => {
  const page = await context.newPage();
  const errors = ourErrors(page);
  await page.goto(gov(port, '/hostile/churn-report.html'));
  await expect(page.locator('[data-nianbao-rule]').first()).toBeAttached();
  await page.waitForTimeout(1500);
  expect(await countOf(context, page, 'analyze')).toBe(1);
  expect(await page.locator('[data-nianbao-rule]').count()).toBe(FAULTY_MARKS.size);
  expect(errors).toEqual([]);
});

test('a non-report page that never stops changing: a few cheap re-checks, then none after ten seconds', async ({
  context,
  port,
}) => {
  test.setTimeout(40_000);
  const page = await context.newPage();
  const errors = ourErrors(page);
  await page.goto(gov(port, '/hostile/churn-news.html'));
  await page.waitForTimeout(11_000);
  const rechecks = await countOf(context, page, 'recheck');
  expect(rechecks).toBeGreaterThan(0);
  expect(rechecks).toBeLessThanOrEqual(21); // at most two a second for ten seconds
  await page.waitForTimeout(2000);
  expect(await countOf(context, page, 'recheck')).toBe(rechecks);
  expect(await countOf(context, page, 'analyze')).toBe(0);
  expect(errors).toEqual([]);
});

for (const path of ['/hostile/frameset.html', '/hostile/iframe.html']) {
  test(`${path}: no exceptions; the report inside a frame is not marked, and the popup says the page holds no report`, async ({
    context,
    serviceWorker,
    extensionId,
    port,
  }) => {
    const page = await context.newPage();
    const errors = ourErrors(page);
    await page.goto(gov(port, path));
    await page.waitForTimeout(800);
    for (const frame of page.frames()) expect(await frame.locator('[data-nianbao-rule]').count()).toBe(0);
    const popup = await openPopup(context, serviceWorker, extensionId, page);
    await expect(popup.locator('[data-testid="not-a-report"], [data-testid="status-notice"]')).toBeVisible();
    expect(errors).toEqual([]);
  });
}
