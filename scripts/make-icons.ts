// Renders the toolbar icon (public/icon/*.png) with Chromium; run once when the icon changes.
import { chromium } from '@playwright/test';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128"><rect x="4" y="4" width="120" height="120" rx="24" fill="#c0392b"/><text x="64" y="92" font-size="84" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif" font-weight="700">年</text><circle cx="100" cy="100" r="22" fill="#fff"/><path d="M89 100 l8 8 l15 -16" stroke="#1e8e3e" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
