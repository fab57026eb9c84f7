import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  manifest: {
    name: '年报核验 nianbao-check',
    description: '核验政府信息公开工作年度报告的表格与正文 · Checks Chinese government information-disclosure annual reports',
    permissions: ['activeTab', 'scripting', 'storage'],
  },
  vite: () => ({ plugins: [preact()] }),
});
