/**
 * What a marketplace page pays for Vetted, measured so machine drift hits every variant alike:
 * four browsers (no extension, an empty content script, the frame floor, Vetted) take turns page
 * by page on the real Upwork capture, and each page is watched for the same window (navigation,
 * then 1.5 s after its load event) with CDP `Performance.getMetrics`:
 *
 * - main-thread task time (`TaskDuration`), compared with the frame floor (an extension that only
 *   frames an empty extension page at the page edge: the least any private overlay costs);
 * - script + style + layout (`ScriptDuration + RecalcStyleDuration + LayoutDuration`), compared
 *   with the empty content script.
 *
 * Every figure is the median of the per-run differences (each run's variants loaded back to back).
 */
import type { Page } from 'playwright-core';
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { emptyExtension, frameFloorExtension, launch, type BenchBrowser } from './browser';
import { overlayReadyMs } from './page-cost';
import { median, type Figure } from './stats';

const PROFILE = FIXTURES.upworkProfile.url;
/** Same-site empty page first, so the profile loads in an already-running upwork.com renderer. */
const WARM = 'https://www.upwork.com/nx/bench-warm-up';
export const WATCH_MS = 1_500;

interface Window {
  task: number;
  work: number;
}

async function watch(b: BenchBrowser, page: Page): Promise<Window> {
  await page.goto(WARM).catch(() => undefined);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await cdp.send('Performance.getMetrics');
  await page.goto(PROFILE, { waitUntil: 'load' });
  await page.waitForTimeout(WATCH_MS);
  const after = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const get = (m: typeof before, name: string) => m.metrics.find((x) => x.name === name)?.value ?? NaN;
  const delta = (name: string) => (get(after, name) - get(before, name)) * 1000;
  return { task: delta('TaskDuration'), work: delta('ScriptDuration') + delta('RecalcStyleDuration') + delta('LayoutDuration') };
}

type Variant = 'no extension' | 'empty content script' | 'frame floor' | 'Vetted';

export async function benchInterleaved(vettedDir: string, runs: number): Promise<Figure[]> {
  const n = Math.max(8, runs);
  const dirs: Record<Variant, string | null> = {
    'no extension': null,
    'empty content script': emptyExtension(),
    'frame floor': frameFloorExtension(),
    Vetted: vettedDir,
  };
  const names = Object.keys(dirs) as Variant[];
  const browsers = new Map<Variant, BenchBrowser>();
  const samples = new Map<Variant, Window[]>(names.map((v) => [v, []]));
  const ready: number[] = [];
  try {
    for (const v of names) browsers.set(v, await launch(dirs[v]));
    // One unmeasured page each warms caches (fonts, the extension's first start).
    for (const v of names) {
      const page = await browsers.get(v)!.context.newPage();
      await watch(browsers.get(v)!, page);
      await page.close();
    }
    for (let run = 0; run < n; run++) {
      // Rotate who goes first, so no variant always follows the same neighbour.
      for (let k = 0; k < names.length; k++) {
        const v = names[(run + k) % names.length]!;
        const b = browsers.get(v)!;
        const page = await b.context.newPage();
        samples.get(v)!.push(await watch(b, page));
        // Read after the window: the overlay's User Timing mark stays in its timeline.
        if (v === 'Vetted') ready.push((await overlayReadyMs(page)).ready);
        await page.close();
      }
    }
  } finally {
    for (const b of browsers.values()) await b.close();
  }
  const of = (v: Variant, f: keyof Window) => samples.get(v)!.map((w) => w[f]);
  const above = (v: Variant, floor: Variant, f: keyof Window) => of(v, f).map((x, i) => x - of(floor, f)[i]!);
  const abs = (v: Variant, f: keyof Window) => median(of(v, f));
  const fig = (name: string, values: number[], extra: Partial<Figure> = {}): Figure => ({
    group: 'page cost (interleaved)',
    name,
    value: median(values),
    unit: 'ms',
    samples: values,
    ...extra,
  });
  const task = (v: Variant) => `${abs(v, 'task').toFixed(0)} ms`;
  const work = (v: Variant) => `${abs(v, 'work').toFixed(0)} ms`;
  return [
    fig('task time: frame floor above empty content script', above('frame floor', 'empty content script', 'task'), {
      note: `what an extension-origin frame at the page edge costs by itself; absolute: no extension ${task('no extension')}, empty ${task('empty content script')}, frame floor ${task('frame floor')}, Vetted ${task('Vetted')}`,
    }),
    fig('task time (TaskDuration): Vetted above the frame floor', above('Vetted', 'frame floor', 'task'), {
      goal: 15,
      note: `median of ${n} interleaved runs, each page watched ${WATCH_MS} ms after load; absolute Vetted ${task('Vetted')} vs frame floor ${task('frame floor')}`,
    }),
    fig('script + style + layout: Vetted above the empty content script', above('Vetted', 'empty content script', 'work'), {
      goal: 10,
      note: `absolute: no extension ${work('no extension')}, empty ${work('empty content script')}, frame floor ${work('frame floor')}, Vetted ${work('Vetted')}`,
    }),
    fig('overlay usable after the load event', ready, { group: 'overlay', goal: 100 }),
  ];
}
