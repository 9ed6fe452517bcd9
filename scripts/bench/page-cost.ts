/**
 * What a marketplace page pays for Vetted: main-thread task time on the real Upwork capture with
 * Vetted, with an extension whose content script is empty, and with no extension; how soon the
 * overlay is usable after the load event; heaps of the page and the overlay frame.
 */
import type { Frame, Page } from 'playwright-core';
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { emptyExtension, heapOf, launch, type BenchBrowser } from './browser';
import { median, type Figure } from './stats';

const PROFILE = FIXTURES.upworkProfile.url;
const KEY = 'upwork:~01140923f209578a6b';
/** Same-site empty page first, so the profile loads in an already-running upwork.com renderer. */
const WARM = 'https://www.upwork.com/nx/bench-warm-up';
const SETTLE_MS = 2_000;

async function taskTimeMs(b: BenchBrowser, page: Page): Promise<number> {
  await page.goto(WARM).catch(() => undefined);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await cdp.send('Performance.getMetrics');
  await page.goto(PROFILE, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const after = await cdp.send('Performance.getMetrics');
  const task = (m: typeof before) => m.metrics.find((x) => x.name === 'TaskDuration')?.value ?? NaN;
  await cdp.detach();
  return (task(after) - task(before)) * 1000;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Extension time per (deepest extension function › what it was running), summed over runs. */
const breakdown = new Map<string, number>();

function frameName(n: ProfileNode): string {
  const file = n.callFrame.url.split('/').pop() ?? '';
  return `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}` : ''}`;
}

/** With BENCH_PROFILE=1, where Vetted's script time went (for finding what to cut, not a figure). */
function printBreakdown(runs: number): void {
  const rows = [...breakdown].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error(`\nVetted content script, CPU profile: ms per run (mean of ${runs}), deepest extension frame › leaf`);
  for (const [k, us] of rows) console.error(`${(us / 1000 / runs).toFixed(2).padStart(7)}  ${k}`);
}

/**
 * ms of the page's main thread spent in extension code (any stack frame from a
 * chrome-extension:// script), from a sampling CPU profile of the whole navigation. Unlike the
 * renderer's total task time, this doesn't drown in the page's own parse and layout noise.
 */
async function extensionScriptMs(b: BenchBrowser, page: Page, tally = false): Promise<number> {
  await page.goto(WARM).catch(() => undefined);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(PROFILE, { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const v = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (p !== undefined && isOurs(p)));
    ours.set(id, v);
    return v;
  };
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (!isOurs(id)) return;
    const dt = profile.timeDeltas[i] ?? 0;
    us += dt;
    if (!tally) return;
    const leaf = byId.get(id)!;
    let own: number | undefined = id;
    while (own !== undefined && !byId.get(own)!.callFrame.url.startsWith('chrome-extension://')) own = parent.get(own);
    const ownNode = byId.get(own!)!;
    const key = ownNode === leaf ? frameName(ownNode) : `${frameName(ownNode)} › ${frameName(leaf)}`;
    breakdown.set(key, (breakdown.get(key) ?? 0) + dt);
  });
  return us / 1000;
}

async function overlayFrame(page: Page): Promise<Frame> {
  const el = await page.waitForSelector('[data-testid="vetted-overlay-frame"]', { state: 'attached', timeout: 30_000 });
  for (let i = 0; i < 200; i++) {
    const f = await el.contentFrame();
    if (f && f.url().startsWith('chrome-extension://')) return f;
    await page.waitForTimeout(25);
  }
  throw new Error('overlay frame did not load');
}

/**
 * ms from the page's load event until the overlay frame showed this contractor (User Timing mark,
 * or the toggle), and until the frame's document started (the content script's share: its start,
 * the site-switch answer, mounting the frame); the rest is the frame loading and asking for data.
 */
export async function overlayReadyMs(page: Page): Promise<{ ready: number; frameStart: number }> {
  const loadAt = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance.timeOrigin + nav.loadEventStart;
  });
  const frame = await overlayFrame(page);
  await frame.waitForSelector('[data-testid="overlay-toggle"]', { timeout: 30_000 });
  const { readyAt, startAt } = await frame.evaluate(async (key) => {
    const startAt = performance.timeOrigin;
    for (let i = 0; i < 100; i++) {
      const mark = performance.getEntriesByName(`vetted-overlay:${key}`)[0];
      if (mark) return { readyAt: performance.timeOrigin + mark.startTime, startAt };
      await new Promise((r) => setTimeout(r, 20));
    }
    return { readyAt: null, startAt };
  }, KEY);
  return { ready: (readyAt ?? Date.now()) - loadAt, frameStart: startAt - loadAt };
}

export async function benchPageCost(vettedDir: string, runs: number): Promise<Figure[]> {
  const variants: { name: string; dir: string | null }[] = [
    { name: 'no extension', dir: null },
    { name: 'empty content script', dir: emptyExtension() },
    { name: 'Vetted', dir: vettedDir },
  ];
  const task: Record<string, number[]> = {};
  const script: Record<string, number[]> = {};
  const ready: number[] = [];
  const frameStart: number[] = [];
  const heaps: Record<string, number[]> = { page: [], emptyPage: [], overlay: [] };
  for (const v of variants) {
    const b = await launch(v.dir);
    try {
      task[v.name] = [];
      // One unmeasured run warms caches (fonts, the extension's first start).
      await taskTimeMs(b, await b.context.newPage());
      for (let i = 0; i < runs; i++) {
        const page = await b.context.newPage();
        task[v.name]!.push(await taskTimeMs(b, page));
        await page.close();
      }
      script[v.name] = [];
      for (let i = 0; i < runs; i++) {
        const page = await b.context.newPage();
        script[v.name]!.push(await extensionScriptMs(b, page, v.name === 'Vetted' && process.env.BENCH_PROFILE === '1'));
        await page.close();
      }
      if (v.name === 'Vetted') {
        for (let i = 0; i < runs; i++) {
          const page = await b.context.newPage();
          await page.goto(PROFILE, { waitUntil: 'load' });
          const r = await overlayReadyMs(page);
          ready.push(r.ready);
          frameStart.push(r.frameStart);
          if (i === runs - 1) {
            await page.waitForTimeout(500);
            const id = b.extensionId!;
            const overlay = await heapOf(b, (_t, url) => url.startsWith(`chrome-extension://${id}/overlay.html`));
            const pageHeap = await heapOf(b, (t, url) => t === 'page' && url.startsWith(PROFILE));
            if (overlay !== undefined) heaps.overlay!.push(overlay);
            if (pageHeap !== undefined) heaps.page!.push(pageHeap);
          }
          await page.close();
        }
      }
      if (v.name === 'empty content script') {
        const page = await b.context.newPage();
        await page.goto(PROFILE, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
        const h = await heapOf(b, (t, url) => t === 'page' && url.startsWith(PROFILE));
        if (h !== undefined) heaps.emptyPage!.push(h);
        await page.close();
      }
    } finally {
      await b.close();
    }
  }
  if (process.env.BENCH_PROFILE === '1') printBreakdown(runs);
  const floor = median(task['empty content script']!);
  const vetted = median(task.Vetted!);
  const figures: Figure[] = [
    {
      group: 'page cost',
      name: 'main-thread task time, no extension (Upwork capture)',
      value: median(task['no extension']!),
      unit: 'ms',
      samples: task['no extension'],
    },
    {
      group: 'page cost',
      name: 'main-thread task time, empty content script (floor)',
      value: floor,
      unit: 'ms',
      samples: task['empty content script'],
    },
    { group: 'page cost', name: 'main-thread task time, Vetted', value: vetted, unit: 'ms', samples: task.Vetted },
    {
      group: 'page cost',
      name: 'Vetted above the floor (task time; noisy)',
      value: vetted - floor,
      unit: 'ms',
      note: 'difference of medians of whole-renderer task time; page parse and layout noise is far larger than the extension',
    },
    {
      group: 'page cost',
      name: 'extension script time, empty content script (CPU profile)',
      value: median(script['empty content script']!),
      unit: 'ms',
      samples: script['empty content script'],
    },
    {
      group: 'page cost',
      name: 'extension script time, Vetted (CPU profile) − floor',
      value: median(script.Vetted!) - median(script['empty content script']!),
      unit: 'ms',
      goal: 15,
      samples: script.Vetted,
    },
    { group: 'overlay', name: 'overlay usable after the load event', value: median(ready), unit: 'ms', goal: 150, samples: ready },
    {
      group: 'overlay',
      name: 'overlay frame started after the load event',
      value: median(frameStart),
      unit: 'ms',
      samples: frameStart,
      note: 'the content script’s share of the figure above (start, site-switch answer, mount); the rest is the frame loading its scripts and data',
    },
    { group: 'memory', name: 'overlay frame JS heap (Upwork capture)', value: median(heaps.overlay!), unit: 'MB', goal: 8 },
    {
      group: 'memory',
      name: 'content script heap (page heap with Vetted − with empty content script)',
      value: Math.max(0, median(heaps.page!) - median(heaps.emptyPage!)),
      unit: 'MB',
      goal: 2,
      note: `page heap ${median(heaps.page!).toFixed(2)} MB vs ${median(heaps.emptyPage!).toFixed(2)} MB`,
    },
  ];
  return figures;
}
