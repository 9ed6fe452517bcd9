import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit and component tests: fake browser APIs (wxt/testing), fake IndexedDB, happy-dom per file.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/components/**/*.test.tsx'],
    setupFiles: ['tests/setup.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
});
