#!/usr/bin/env node
// Runs Mozilla's addons-linter (web-ext lint) on the Firefox build and fails on any error and on
// any warning except Preact's own renderer, whose `innerHTML` branch only serves
// dangerouslySetInnerHTML, which Vetted never uses (tests/unit/conventions checks that). The
// exception is recognised by the code at the reported position, not by a chunk's (hashed) name.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const outDir = process.env.VETTED_OUT_DIR || '.output';
const source = path.join(outDir, 'firefox-mv2');
if (!existsSync(path.join(source, 'manifest.json'))) {
  console.error(`lint: ${source}/manifest.json not found; run npm run build first`);
  process.exit(1);
}
let raw;
try {
  raw = execFileSync('npx', ['web-ext', 'lint', '--source-dir', source, '--output', 'json', '--no-input'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
} catch (err) {
  raw = err.stdout; // web-ext exits non-zero when it finds errors; the JSON is still on stdout
}
const report = JSON.parse(raw);
function isPreactInnerHtml(m) {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line) return false;
  const line = readFileSync(path.join(source, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const around = line.slice(Math.max(0, (m.column ?? 0) - 300), (m.column ?? 0) + 100);
  return around.includes('"dangerouslySetInnerHTML"') && around.includes('.__html');
}
const allowed = (m) => isPreactInnerHtml(m);
const problems = [...report.errors, ...report.warnings.filter((m) => !allowed(m))];
for (const m of [...report.errors, ...report.warnings, ...report.notices]) {
  console.log(
    `${report.errors.includes(m) ? 'error' : report.warnings.includes(m) ? 'warning' : 'notice'} ${m.code}: ${m.message} (${m.file ?? ''})${allowed(m) ? ' [allowed]' : ''}`,
  );
}
console.log(`addons-linter: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
if (problems.length > 0) {
  console.error(`lint: ${problems.length} problem(s) to fix`);
  process.exit(1);
}
