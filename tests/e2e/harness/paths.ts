/**
 * Where the E2E harness finds the built extension, the marketplace captures and its scratch space.
 *
 * Build into your own folder when others share the machine, then point the tests at it:
 *
 *   VETTED_OUT_DIR=.output-me npx wxt build -b chrome
 *   VETTED_OUT_DIR=.output-me npx wxt build -b firefox
 *   VETTED_OUT_DIR=.output-me npx vitest run --config vitest.e2e.config.ts tests/e2e/my.chromium.e2e.ts
 *
 * `npm run test:e2e` builds into `.output` first; `VETTED_OUT_DIR=.output-me npm run test:e2e` builds
 * into and tests your own folder. VETTED_CHROMIUM / VETTED_FIREFOX override /usr/bin/chromium and
 * /usr/bin/firefox-esr. Captures come from `../shared/fixtures` next to the repository (override
 * with VETTED_FIXTURES_DIR, e.g. in a scratch clone elsewhere). Screenshots: SCREENSHOTS_DIR below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const FIXTURES_DIR = process.env.VETTED_FIXTURES_DIR
  ? path.resolve(process.env.VETTED_FIXTURES_DIR)
  : path.resolve(REPO_ROOT, '../shared/fixtures');

/**
 * Where E2E screenshots go: an ignored folder, so a test run never rewrites tracked files
 * (VETTED_SCREENSHOTS_DIR overrides it). The README's pictures are made on purpose by
 * `npm run screenshots` (scripts/screenshots.mjs), which copies them to docs/screenshots.
 */
export const SCREENSHOTS_DIR = path.resolve(REPO_ROOT, process.env.VETTED_SCREENSHOTS_DIR || 'test-results/screenshots');

export type BrowserName = 'chromium' | 'firefox';

/** The unpacked build for a browser; throws a message that says how to build it. */
export function extensionDir(browser: BrowserName): string {
  const outDir = path.resolve(REPO_ROOT, process.env.VETTED_OUT_DIR || '.output');
  const dir = path.join(outDir, browser === 'chromium' ? 'chrome-mv3' : 'firefox-mv2');
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    const env = process.env.VETTED_OUT_DIR ? `VETTED_OUT_DIR=${process.env.VETTED_OUT_DIR} ` : '';
    throw new Error(
      `No ${browser} build at ${dir}. Build it first: ${env}npx wxt build -b ${browser === 'chromium' ? 'chrome' : 'firefox'} ` +
        '(or `npm run test:e2e`, which builds .output and runs every E2E test).',
    );
  }
  return dir;
}

export function fixturesDir(): string {
  if (!fs.existsSync(FIXTURES_DIR)) {
    throw new Error(
      `Marketplace captures not found at ${FIXTURES_DIR}. They live in shared/fixtures next to the repository; ` +
        'set VETTED_FIXTURES_DIR to their folder when the repository is elsewhere.',
    );
  }
  return FIXTURES_DIR;
}

/** A fresh profile folder under the OS temp dir (browsers must never share one). */
export function makeProfileDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vetted-e2e-${label}-`));
}

export function removeDir(dir: string): void {
  // Browsers may still hold a file for a moment after close: retry instead of failing a test.
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
