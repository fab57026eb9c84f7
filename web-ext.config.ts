import { defineWebExtConfig } from 'wxt';

// No browser is opened by `wxt dev` (headless machines); load .output/chrome-mv3-dev by hand.
export default defineWebExtConfig({ disabled: true });
