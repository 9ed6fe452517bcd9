/** Diagnostic (not part of npm run bench): CPU profile of the popup and side panel opening on the heavy database. */
import { launch } from './browser';
import { heavyBackupFile, HEAVY_PROJECT } from './heavy-backup';
import { importOnOptionsPage } from './heavy-db';
import { extensionDir } from '../../tests/e2e/harness/paths';

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

const b = await launch(extensionDir('chromium'));
try {
  const { file } = heavyBackupFile();
  console.log('import', await importOnOptionsPage(b, file));
  const base = `chrome-extension://${b.extensionId}`;
  for (const [url, sel] of [
    [`${base}/popup.html`, '[data-testid="project-card"]'],
    [`${base}/sidepanel.html?project=${HEAVY_PROJECT}`, '[data-testid="budget-summary"]'],
  ] as const) {
    for (let round = 0; round < 3; round++) {
      const page = await b.context.newPage();
      const cdp = await b.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const t0 = Date.now();
      await page.goto(url);
      await page.waitForSelector(sel, { timeout: 30_000 });
      const shown = Date.now() - t0;
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
        profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
      };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const n = byId.get(id)!;
        const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
        self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
      });
      const marks = await page.evaluate(
        () => `dcl ${(performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd.toFixed(0)}`,
      );
      console.log(`\n${url.split('/').pop()} shown after ${shown} ms; ${marks}`);
      if (round === 2)
        for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14))
          console.log(`${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
      await page.close();
    }
  }
} finally {
  await b.close();
}
