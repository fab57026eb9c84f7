import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { CHROMIUM_PATH, extensionArgs } from '../support/chromium';
import { COUNTS_GLOBAL, DETECTOR_RAN } from '../../lib/page-ids';
import { startFixtureServer } from './server';

export const EXT = process.env.EXT_PATH ?? path.resolve(import.meta.dirname, '../../.output-e2e/chrome-mv3');

declare const chrome: typeof import('wxt/browser').browser;

export const test = base.extend<
  { context: BrowserContext; serviceWorker: Worker; extensionId: string; requests: string[] },
  { port: number }
>({
  port: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: as above
  requests: async ({}, use) => use([]),
  context: async ({ requests }, use) => {
    const context = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM_PATH,
      headless: true,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
      args: [...extensionArgs(EXT), '--no-proxy-server', '--disable-gpu'],
    });
    context.on('request', (r) => requests.push(r.url()));
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(sw);
  },
  extensionId: async ({ serviceWorker }, use) => use(new URL(serviceWorker.url()).host),
});
export const expect = test.expect;

export const gov = (port: number, path: string) => `http://www.example.gov.cn:${port}${path}`;

/** The popup for the tab showing `page`, opened as a tab of its own (popup.html?tabId=N). */
export async function openPopup(context: BrowserContext, sw: Worker, extensionId: string, page: Page): Promise<Page> {
  await page.bringToFront();
  const tabId = await sw.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!,
  );
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 660, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

export async function badge(sw: Worker, page: Page): Promise<string> {
  await page.bringToFront();
  return sw.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: tab.id! });
  });
}

/** Evaluates `expression` in the extension's isolated world of the page (none there: undefined), over the DevTools protocol. */
async function inExtensionWorld(context: BrowserContext, page: Page, expression: string): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: world }) => {
    if (world.auxData?.type === 'isolated' && world.origin.startsWith('chrome-extension://')) worlds.push(world.id);
  });
  await cdp.send('Runtime.enable');
  let value: unknown;
  for (const contextId of worlds) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
    value ??= result.value;
  }
  await cdp.detach();
  return value;
}

/**
 * Whether the detector has looked at the page: read in the extension's own isolated world (the
 * detector leaves nothing the page could see, not even a performance mark).
 */
export const detectorRan = async (context: BrowserContext, page: Page): Promise<boolean> =>
  (await inExtensionWorld(context, page, `globalThis.${DETECTOR_RAN} === true || undefined`)) === true;

/** How often the session read the page (`analyze`) or the detector looked again (`recheck`). */
export const countOf = async (context: BrowserContext, page: Page, step: 'analyze' | 'recheck'): Promise<number> =>
  ((await inExtensionWorld(context, page, `globalThis.${COUNTS_GLOBAL}?.${step} ?? undefined`)) as
    | number
    | undefined) ?? 0;
