// Fails in a second, with the fix, when the real marketplace captures are missing (issue 14):
// without them the site tests and every E2E test fail much later with messages that hide why.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.VETTED_FIXTURES_DIR ? path.resolve(process.env.VETTED_FIXTURES_DIR) : path.resolve(root, '../shared/fixtures');
if (!fs.existsSync(path.join(dir, 'SOURCES.md'))) {
  console.error(
    `\nThe tests need the real marketplace captures, and they are not at ${dir}.\n` +
      'Put the shared/fixtures folder next to this repository (../shared/fixtures, with its SOURCES.md),\n' +
      'or point VETTED_FIXTURES_DIR at it, e.g.  VETTED_FIXTURES_DIR=/path/to/fixtures npm test\n',
  );
  process.exit(1);
}
