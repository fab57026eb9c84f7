import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
  },
});
