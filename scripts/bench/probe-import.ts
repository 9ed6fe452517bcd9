/**
 * Diagnostic (not part of npm run bench): where the heavy backup's import spends its time. Imports
 * it on the options page while the service worker and the options page are CPU-profiled, and
 * prints each one's functions by self time and by total (inclusive) time.
 */
import type { CDPSession } from 'puppeteer-core';
import { extensionDir } from '../../tests/e2e/harness/paths';
import { launch } from './browser';
import { heavyBackupFile } from './heavy-backup';
import { importOnOptionsPage } from './heavy-db';

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function report(name: string, profile: Profile, top = 30) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sum = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    sum += dt;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  console.log(`\n== ${name}: ${(sum / 1e6).toFixed(1)} s profiled`);
  console.log('-- self');
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  console.log('-- total');
  for (const [k, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
}

const b = await launch(extensionDir('chromium'));
try {
  const { file } = heavyBackupFile();
  const base = `chrome-extension://${b.extensionId}`;
  const target = await b.cdp.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(base), { timeout: 20_000 });
  const sw: CDPSession = await target.createCDPSession();
  await sw.send('Profiler.enable');
  await sw.send('Profiler.setSamplingInterval', { interval: 500 });
  await sw.send('Profiler.start');
  await b.worker!.evaluate(() => {
    const g = globalThis as unknown as {
      __arrivals: string[];
      chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
    };
    g.__arrivals = [];
    g.chrome.runtime.onMessage.addListener((m) => {
      const type = (m as { type?: string } | null)?.type;
      if (type === 'importBackup' || type === 'importBackupPart') g.__arrivals.push(`${type} ${Date.now()}`);
    });
  });
  const t0 = Date.now();
  const result = await importOnOptionsPage(b, file);
  const { profile } = (await sw.send('Profiler.stop')) as unknown as { profile: Profile };
  const arrivals = await b.worker!.evaluate(() => (globalThis as unknown as { __arrivals: string[] }).__arrivals);
  console.log('import', result);
  const parts = arrivals.filter((a) => a.startsWith('importBackupPart')).map((a) => Number(a.split(' ')[1]) - t0);
  const whole = arrivals.filter((a) => a.startsWith('importBackup ')).map((a) => Number(a.split(' ')[1]) - t0);
  console.log(
    `parts: ${parts.length}, first at +${parts[0]} ms, last at +${parts.at(-1)} ms; importBackup at +${whole.join(', ')} ms; report at +${result.ms} ms (from about when the file was chosen)`,
  );
  report('service worker', profile);
} finally {
  await b.close();
}
