import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in real Chromium and Firefox ESR (harness: tests/e2e/harness).
// `npm run test:e2e` builds .output first; VETTED_OUT_DIR points at another build folder.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    setupFiles: ['tests/e2e/harness/setup.ts'],
    // A browser launch takes 2–15 s on a busy 2-core machine; Firefox is the slow one.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // Browsers are heavy on a 2-core machine: one file at a time.
    fileParallelism: false,
    // No retries: a flaky test is a race to find, not to hide.
    reporters: ['default', './tests/e2e/harness/summary-reporter.ts'],
  },
});
