import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifest: {
    name: '年报核验 nianbao-check',
    description: '核验政府信息公开工作年度报告的表格与正文 · Checks Chinese government information-disclosure annual reports',
    // activeTab + scripting: "check this page" on other sites without a broad host permission;
    // storage: the UI language. The content script's match (*.gov.cn) needs no host permission.
    permissions: ['activeTab', 'scripting', 'storage'],
    action: { default_title: '年报核验' },
    icons: { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png', 128: '/icon/128.png' },
  },
  vite: () => ({ plugins: [preact()] }),
});
