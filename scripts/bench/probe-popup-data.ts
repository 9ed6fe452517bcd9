/** Diagnostic (not part of npm run bench): what the popup waits for on the heavy database — the kept dashboard and the request, sizes and times. */
import { launch } from './browser';
import { heavyBackupFile } from './heavy-backup';
import { importOnOptionsPage } from './heavy-db';
import { extensionDir } from '../../tests/e2e/harness/paths';

const b = await launch(extensionDir('chromium'));
try {
  console.log('import', await importOnOptionsPage(b, heavyBackupFile().file));
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
  await page.waitForSelector('[data-testid="project-card"]');
  for (let round = 0; round < 5; round++) {
    const r = await page.evaluate(async () => {
      type Kept = { projects?: unknown[] } | undefined;
      const c = (
        globalThis as unknown as {
          chrome: {
            storage: { session: { get(k: string): Promise<Record<string, Kept>> } };
            runtime: { sendMessage(m: unknown): Promise<unknown> };
          };
        }
      ).chrome;
      let t = performance.now();
      const kept = (await c.storage.session.get('vetted:dashboard'))['vetted:dashboard'];
      const keptMs = performance.now() - t;
      t = performance.now();
      const reply = await c.runtime.sendMessage({ type: 'getDashboard', payload: {} });
      const replyMs = performance.now() - t;
      return {
        keptMs: Math.round(keptMs),
        keptKB: Math.round(JSON.stringify(kept ?? null).length / 1024),
        keptProjects: kept?.projects?.length,
        replyMs: Math.round(replyMs),
        replyKB: Math.round(JSON.stringify(reply).length / 1024),
        keys: Object.keys(kept ?? {}),
      };
    });
    console.log(JSON.stringify(r));
  }
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      dcl: Math.round(n.domContentLoadedEventEnd),
      resources: performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop()} ${Math.round(e.duration)}ms`),
    };
  });
  console.log(JSON.stringify(nav));
} finally {
  await b.close();
}
