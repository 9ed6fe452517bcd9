import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium and Firefox ESR. Run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // Browsers are heavy on a 2-core machine: one file at a time.
    fileParallelism: false,
    retry: 0,
  },
});
