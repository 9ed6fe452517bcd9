/**
 * DESIGN.md rule 4: lib/domain is pure. A guard so a browser API or a clock read does not creep in
 * (the popup, side panel and background all depend on these functions being testable as-is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../../lib/domain');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now() (take `now` as a parameter)'],
  [/new Date\(\s*\)/, 'new Date() (take `now` as a parameter)'],
  [/\bbrowser\./, 'browser.* (extension API)'],
  [/\bchrome\./, 'chrome.* (extension API)'],
  [/\b(window|document|navigator|localStorage|indexedDB)\b/, 'a DOM or storage global'],
  [/from ['"](wxt|dexie|preact)[^'"]*['"]/, 'an import of wxt, dexie or preact'],
  // lib/sites is pure too (URL and Document in, plain values out; see tests/unit/conventions.test.ts).
  [/from ['"]\.\.\/(db\/(?!schema|constants)|messaging|background)/, 'an import outside lib/db/schema, lib/db/constants and lib/sites'],
];

describe('lib/domain purity', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s uses no browser API, clock or storage', (file) => {
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const found = FORBIDDEN.filter(([re]) => re.test(code)).map(([, what]) => what);
    expect(found).toEqual([]);
  });
});
