/**
 * `npm run bench`: Vetted's cost on real pages, measured in real Chromium. Prints a table and
 * writes bench/results.json. Each figure is the median of BENCH_RUNS runs (default 5).
 * Not a test: figures vary with the machine; goals are printed beside them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionDir, REPO_ROOT } from '../../tests/e2e/harness/paths';
import { CHROMIUM_PATH } from '../../tests/e2e/harness/chromium';
import { benchBigDb } from './big-db';
import { benchBoard } from './board'; // issue 16
import { benchBundle } from './bundle';
import { benchListing } from './listing';
import { benchNavigation } from './navigation';
import { benchPageCost } from './page-cost';
import { benchInterleaved } from './interleaved';
import { benchHeavyDb } from './heavy-db';
import { benchFirefox, benchFirefoxPopup } from './firefox';
import { benchReadPage } from './read-page';
import { benchSync } from './sync';
import { table, type Figure } from './stats';

const runs = Number(process.env.BENCH_RUNS || 5);
const only = process.env.BENCH_ONLY?.split(',');
/** Superseded by the interleaved page cost and the heavy database; still there with BENCH_ONLY. */
const ON_REQUEST = new Set(['page', 'listing', 'bigdb']);

async function main() {
  const ext = extensionDir('chromium');
  const figures: Figure[] = [];
  const steps: [string, () => Promise<Figure[]> | Figure[]][] = [
    ['bundle', () => benchBundle(ext)],
    ['readpage', () => benchReadPage(runs)],
    ['interleaved', () => benchInterleaved(ext, runs)],
    ['heavy', () => benchHeavyDb(ext, runs)],
    ['firefox', () => benchFirefox(runs)],
    ['ffpopup', () => benchFirefoxPopup(runs)],
    ['page', () => benchPageCost(ext, runs)],
    ['listing', () => benchListing(ext, runs)],
    ['navigation', () => benchNavigation(ext, runs)],
    ['bigdb', () => benchBigDb(ext, runs)],
    ['board', () => benchBoard(ext, runs)], // issue 16
    ['sync', () => benchSync(runs)], // issue 11
  ];
  for (const [name, step] of steps) {
    if (only ? !only.includes(name) : ON_REQUEST.has(name)) continue;
    const t = Date.now();
    try {
      figures.push(...(await step()));
    } catch (err) {
      console.error(`bench ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
      process.exitCode = 1;
    }
    console.error(`(${name}: ${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim(),
  };
  console.log(`\nVetted benchmarks — median of ${runs} runs — ${machine.chromium}, ${machine.cpu} (${machine.cores} cores)\n`);
  console.log(table(figures));
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
  if (notes.length) console.log('\n' + notes.join('\n'));
  const missed = figures.filter((f) => f.goal !== undefined && !(f.value <= f.goal));
  console.log(`\n${figures.length} figures, ${missed.length} goals missed`);
  const dir = path.join(REPO_ROOT, 'bench');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'results.json'),
    JSON.stringify({ date: new Date().toISOString(), runs, machine, figures }, null, 2) + '\n',
  );
  console.log(`written ${path.relative(process.cwd(), path.join(dir, 'results.json'))}`);
}

await main();
