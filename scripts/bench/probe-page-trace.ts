/**
 * Diagnostic (not part of npm run bench): where the Upwork profile's main-thread time goes with
 * Vetted vs the frame floor. Each variant's page is traced (devtools.timeline) over the same window
 * as the interleaved bench, taking turns; prints the summed duration of each top-level task kind
 * and of each event name on the page's main thread, Vetted minus the floor, biggest first.
 */
import type { CDPSession } from 'playwright-core';
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { extensionDir } from '../../tests/e2e/harness/paths';
import { frameFloorExtension, launch, type BenchBrowser } from './browser';
import { WATCH_MS } from './interleaved';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}
const ROUNDS = Number(process.env.ROUNDS || 4);
const WARM = 'https://www.upwork.com/nx/bench-warm-up';

async function trace(b: BenchBrowser): Promise<Map<string, number>> {
  const page = await b.context.newPage();
  await page.goto(WARM).catch(() => undefined);
  // The warm-up's error page commits after goto gave up: let it, or it interrupts the next one.
  await page.waitForTimeout(500);
  const cdp: CDPSession = await b.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const v of e.value as unknown as TraceEvent[]) events.push(v);
  });
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.frame,toplevel,v8.execute',
    transferMode: 'ReportEvents',
  });
  await page.goto(FIXTURES.upworkProfile.url, { waitUntil: 'load' });
  await page.waitForTimeout(WATCH_MS);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  // The page's main thread: the CrRendererMain thread that ran the profile's ParseHTML.
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const parse = events.find((e) => e.name === 'ParseHTML' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const sums = new Map<string, number>();
  if (!parse) return sums;
  for (const e of events) {
    if (e.pid !== parse.pid || e.tid !== parse.tid || e.ph !== 'X' || !e.dur) continue;
    const name =
      e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${(e.args?.data?.url ?? '').split('/').slice(-1)[0]}` : e.name;
    sums.set(name, (sums.get(name) ?? 0) + e.dur / 1000);
  }
  return sums;
}

const floorDir = frameFloorExtension();
const bs = { floor: await launch(floorDir), vetted: await launch(extensionDir('chromium')) };
try {
  const total = { floor: new Map<string, number>(), vetted: new Map<string, number>() };
  await trace(bs.floor);
  await trace(bs.vetted);
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of r % 2 ? (['vetted', 'floor'] as const) : (['floor', 'vetted'] as const)) {
      for (const [k, ms] of await trace(bs[v])) total[v].set(k, (total[v].get(k) ?? 0) + ms / ROUNDS);
    }
  }
  const names = new Set([...total.floor.keys(), ...total.vetted.keys()]);
  const rows = [...names].map((k) => [k, (total.vetted.get(k) ?? 0) - (total.floor.get(k) ?? 0), total.vetted.get(k) ?? 0] as const);
  rows.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
  console.log(`mean per page over ${ROUNDS} rounds; event (nested events are counted in their parents too): Vetted − floor (Vetted)`);
  for (const [k, d, v] of rows.slice(0, 30)) console.log(`${d.toFixed(1).padStart(8)} ms (${v.toFixed(1).padStart(7)})  ${k}`);
} finally {
  await bs.floor.close();
  await bs.vetted.close();
}
