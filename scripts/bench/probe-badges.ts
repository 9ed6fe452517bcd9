/**
 * Diagnostic (not part of npm run bench): where the time goes between 100 Fiverr cards appended
 * and every card badged. Prints when the background received getBadges (after the append), the
 * total, and the page's CPU profile (the content script runs on the page's main thread) by self time.
 */
import { FIXTURES } from '../../tests/e2e/harness/fixtures';
import { extensionDir } from '../../tests/e2e/harness/paths';
import { launch, send } from './browser';
import { appendCards } from './listing';

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
}
const CARDS = 100;
const ROUNDS = Number(process.env.ROUNDS || 4);

const b = await launch(extensionDir('chromium'));
try {
  for (let run = 0; run < ROUNDS; run++)
    for (let i = 0; i < CARDS; i++) {
      const id = `probe-r${run}-s${i}`;
      await send(b, 'trackContractor', {
        profile: { key: `fiverr:${id}`, site: 'fiverr', siteId: id, name: `Seller ${i}`, profileUrl: `https://www.fiverr.com/${id}` },
      });
    }
  await b.worker!.evaluate(() => {
    const g = globalThis as unknown as {
      __arrivals: number[];
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
    };
    g.__arrivals = [];
    g.chrome.runtime.onMessage.addListener((m) => {
      if ((m as { type?: string } | null)?.type === 'getBadges') g.__arrivals.push(performance.timeOrigin + performance.now());
    });
  });
  for (let run = 0; run < ROUNDS; run++) {
    const page = await b.context.newPage();
    await page.goto(FIXTURES.fiverrSearch.url, { waitUntil: 'load' });
    await page.waitForTimeout(1_500);
    await b.worker!.evaluate(() => ((globalThis as unknown as { __arrivals: number[] }).__arrivals = []));
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
    const ms = await appendCards(page, (i) => `probe-r${run}-s${i}`, CARDS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
    };
    const arrivals = await b.worker!.evaluate(() => (globalThis as unknown as { __arrivals: number[] }).__arrivals);
    console.log(
      `\nround ${run}: all badged after ${ms.toFixed(1)} ms; getBadges arrived at +${arrivals.map((a) => (a - t0).toFixed(1)).join(', +')} ms (from just before the append call)`,
    );
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const file = n.callFrame.url.split('/').pop() || '';
      const k = `${n.callFrame.functionName || '(anon)'} ${file}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    if (run === ROUNDS - 1)
      for (const [k, us] of [...self].sort((a, c) => c[1] - a[1]).slice(0, 25))
        console.log(`${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
    const keys = Array.from({ length: CARDS }, (_, i) => `fiverr:probe-r${run}-s${i}`);
    const rt: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      await send(b, 'getBadges', { keys });
      rt.push(performance.now() - t);
    }
    console.log(`getBadges round trips from an extension page: ${rt.map((x) => x.toFixed(1)).join(', ')} ms`);
    await page.close();
  }
} finally {
  await b.close();
}
