import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { GOV_MATCH } from './lib/messages';

// The browser tests build a copy that may also inject the page-UI module into the fixture server's
// pages (127.0.0.1, www.example.gov.cn): a test cannot click the toolbar button, which is what
// grants activeTab to the popup.
const e2e = process.env.NIANBAO_E2E === '1';

export default defineConfig({
  outDir: e2e ? '.output-e2e' : '.output',
  manifest: ({ browser }) => ({
    name: '年报核验 nianbao-check',
    description:
      '核验政府信息公开工作年度报告的表格与正文 · Checks Chinese government information-disclosure annual reports',
    // activeTab + scripting: "check this page" on other sites without a broad host permission;
    // storage: the UI language. The content script's match (*.gov.cn) needs no host permission.
    permissions: ['activeTab', 'scripting', 'storage'],
    // a PDF report is fetched from its site only when the user clicks 读取附件 / 读取此 PDF: that one
    // site's permission is asked for at that click
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '年报核验' },
    // The content script is the small detector (entrypoints/detector.ts), listed here by hand: WXT's
    // content-script context would cost every gov.cn page more than the detector itself.
    content_scripts: [{ matches: [GOV_MATCH], js: ['detector.js'], run_at: 'document_idle' as const }],
    // The page-UI module, imported by the detector on report pages only. Its URL changes every session
    // (use_dynamic_url), so no page can probe for the extension.
    web_accessible_resources:
      browser === 'firefox'
        ? ['page-ui.js']
        : [{ resources: ['page-ui.js'], matches: [GOV_MATCH], use_dynamic_url: true }],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*', 'http://www.example.gov.cn/*'] } : {}),
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-check@nianbao-check.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // NIANBAO_NOMINIFY=1: readable bundles, for a CPU profile of the extension on a page
  vite: () => ({ plugins: [preact()], ...(process.env.NIANBAO_NOMINIFY === '1' ? { build: { minify: false } } : {}) }),
  hooks: {
    // PDF.js's worker and CJK character maps, for the popup's PDF reader (loaded only when a PDF is read)
    'build:publicAssets': (_, assets) => {
      const pdfjs = resolve('node_modules/pdfjs-dist');
      assets.push({ absoluteSrc: `${pdfjs}/build/pdf.worker.min.mjs`, relativeDest: 'pdfjs/pdf.worker.min.mjs' });
      for (const file of readdirSync(`${pdfjs}/cmaps`))
        assets.push({ absoluteSrc: `${pdfjs}/cmaps/${file}`, relativeDest: `pdfjs/cmaps/${file}` });
    },
  },
});
