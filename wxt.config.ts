import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The browser tests build a copy that may also run "check this page" on the fixture server's
// 127.0.0.1 host: a test cannot click the toolbar button, which is what grants activeTab.
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
    action: { default_title: '年报核验' },
    // The marks and the banner, imported by the content script on report pages only. Any page may be
    // checked on request, so any page may load it; its URL changes every session, so no page can probe for it.
    web_accessible_resources:
      browser === 'firefox'
        ? ['marker.js']
        : [{ resources: ['marker.js'], matches: ['<all_urls>'], use_dynamic_url: true }],
    ...(e2e ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
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
  vite: () => ({ plugins: [preact()] }),
});
