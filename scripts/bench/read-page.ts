/** readPage on every real capture, in real Chromium's DOM: median ms per call, and what it found. */
import { build } from 'esbuild';
import path from 'node:path';
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { REPO_ROOT } from '../../tests/e2e/harness/paths';
import { launch } from './browser';
import type { Figure } from './stats';

async function bundleReadPage(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { readPage } from './lib/sites/index'; (globalThis as any).__vettedReadPage = readPage;",
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
    absWorkingDir: path.resolve(REPO_ROOT),
  });
  return out.outputFiles[0]!.text;
}

export async function benchReadPage(runs: number): Promise<Figure[]> {
  const code = await bundleReadPage();
  const b = await launch(null);
  const figures: Figure[] = [];
  try {
    for (const [name, fixture] of Object.entries(FIXTURES)) {
      const page = await b.context.newPage();
      await page.goto(fixture.url, { waitUntil: 'load' });
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(
        (n) => {
          const read = (
            globalThis as unknown as { __vettedReadPage: (u: URL, d: Document) => { profile: unknown; cards: unknown[] } | null }
          ).__vettedReadPage;
          const times: number[] = [];
          let found = '';
          for (let i = 0; i < n; i++) {
            const t = performance.now();
            const reading = read(new URL(location.href), document);
            times.push(performance.now() - t);
            found = reading ? `${reading.profile ? 'profile' : 'no profile'}, ${reading.cards.length} cards` : 'not a supported page';
          }
          times.sort((a, b) => a - b);
          return { median: times[Math.floor(times.length / 2)]!, first: times[0]!, found };
        },
        Math.max(runs, 9),
      );
      figures.push({ group: 'readPage', name: `${name} (${r.found})`, value: r.median, unit: 'ms', goal: 10 });
      await page.close();
    }
  } finally {
    await b.close();
  }
  return figures;
}
