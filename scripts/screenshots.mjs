// `npm run screenshots`: remakes the README's pictures on purpose (tests never write tracked files).
// Builds the Chrome extension, runs the E2E files that take them with screenshots going to
// test-results/readme-screenshots, then copies the README's ones into docs/screenshots.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-results/readme-screenshots');
const target = path.join(root, 'docs/screenshots');
/** README picture → the E2E file that takes it. */
const PICTURES = {
  'overlay-upwork-open-chromium.png': 'tests/e2e/overlay.chromium.e2e.ts',
  'popup-busy.png': 'tests/e2e/projects.chromium.e2e.ts',
  'sidepanel-budget.png': 'tests/e2e/projects.chromium.e2e.ts',
  'options-chromium.png': 'tests/e2e/backup.chromium.e2e.ts',
};

const env = { ...process.env, VETTED_SCREENSHOTS_DIR: out };
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env });
run('node scripts/check-fixtures.mjs');
fs.rmSync(out, { recursive: true, force: true });
run('npx wxt build -b chrome');
run(`npx vitest run --config vitest.e2e.config.ts ${[...new Set(Object.values(PICTURES))].join(' ')}`);
fs.mkdirSync(target, { recursive: true });
for (const name of Object.keys(PICTURES)) {
  fs.copyFileSync(path.join(out, name), path.join(target, name));
  console.log(`docs/screenshots/${name}`);
}
console.log('Look at them, then commit docs/screenshots.');
