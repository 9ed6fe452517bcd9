/**
 * Diagnostic (not part of npm run bench): where getBadges' time goes on the heavy database. Times,
 * taking turns, the request's round trip from an extension page and, inside the service worker,
 * the same lookups straight on IndexedDB (one read transaction; one request per key and table).
 */
import { launch, send } from './browser';
import { BADGE_CARDS, badgeSeller, heavyBackupFile } from './heavy-backup';
import { importOnOptionsPage, wordsFilledIn } from './heavy-db';
import { median } from './stats';
import { extensionDir } from '../../tests/e2e/harness/paths';

const ROUNDS = Number(process.env.ROUNDS || 8);
const b = await launch(extensionDir('chromium'));
try {
  console.log('import', await importOnOptionsPage(b, heavyBackupFile().file));
  // The figures are of the steady state: after the background has filled in the notes' search words.
  console.log('words filled in after', await wordsFilledIn(b, `chrome-extension://${b.extensionId}`), 'ms');
  const trip: number[] = [];
  const raw: Record<string, number[]> = {};
  for (let run = 0; run < ROUNDS; run++) {
    const keys = Array.from({ length: BADGE_CARDS }, (_, i) => `fiverr:${badgeSeller(run, i)}`);
    const t = performance.now();
    await send(b, 'getBadges', { keys });
    trip.push(performance.now() - t);
    const r = await b.worker!.evaluate(
      async (keys: string[]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('vetted');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const req = <T>(r: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => {
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
          });
        const out: Record<string, number> = {};
        const time = async (name: string, f: (tx: IDBTransaction) => Promise<unknown>) => {
          const tx = db.transaction(['contractors', 'checks', 'notes', 'ratings', 'projects', 'settings'], 'readonly');
          const t0 = performance.now();
          await f(tx);
          out[name] = performance.now() - t0;
        };
        await time('contractors get ×100', (tx) => Promise.all(keys.map((k) => req(tx.objectStore('contractors').get(k)))));
        await time('checks index getAll ×100', (tx) =>
          Promise.all(keys.map((k) => req(tx.objectStore('checks').index('contractorKey').getAll(k)))),
        );
        await time('notes index count ×100', (tx) =>
          Promise.all(keys.map((k) => req(tx.objectStore('notes').index('contractorKey').count(k)))),
        );
        await time('ratings index getAll ×100', (tx) =>
          Promise.all(keys.map((k) => req(tx.objectStore('ratings').index('contractorKey').getAll(k)))),
        );
        await time('projects index getAll ×100', (tx) =>
          Promise.all(keys.map((k) => req(tx.objectStore('projects').index('contractorKey').getAll(k)))),
        );
        await time('all five, one transaction', (tx) =>
          Promise.all(
            keys.flatMap((k) => [
              req(tx.objectStore('contractors').get(k)),
              req(tx.objectStore('checks').index('contractorKey').getAll(k)),
              req(tx.objectStore('notes').index('contractorKey').count(k)),
              req(tx.objectStore('ratings').index('contractorKey').getAll(k)),
              req(tx.objectStore('projects').index('contractorKey').getAll(k)),
            ]),
          ),
        );
        db.close();
        return out;
      },
      Array.from({ length: BADGE_CARDS }, (_, i) => `fiverr:${badgeSeller((run + 8) % 16, i)}`),
    );
    for (const [k, v] of Object.entries(r)) (raw[k] ??= []).push(v);
  }
  console.log(`getBadges round trip: median ${median(trip).toFixed(1)} ms (${trip.map((x) => x.toFixed(0)).join(', ')})`);
  for (const [k, v] of Object.entries(raw)) console.log(`raw ${k}: median ${median(v).toFixed(1)} ms`);
} finally {
  await b.close();
}
