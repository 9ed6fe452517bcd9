/**
 * Sync (issue 11): requests, bytes and seconds per sync for 1, 100 and 10,000 changed notes, and a
 * first sync of the heavy database (scripts/bench/heavy-backup.ts), through a real lighttpd WebDAV server on 127.0.0.1.
 *
 * Runs in Node over the real Vetted schema on fake-indexeddb, with real AES-GCM and gzip: request
 * counts and chunk sizes are what a browser sends; seconds are Node's (fake-indexeddb is slower than
 * a browser's IndexedDB, so they are an upper bound). Each sync is measured side by side with its
 * floor, the variants taking turns: the floor is what any sync of those bytes costs on this server,
 * one PROPFIND of the folder and one PUT of a file of the chunk's size.
 */
import { webcrypto } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { median, type Figure } from './stats';

const CHANGED = [1, 100, 10_000] as const;

export async function benchSync(runs: number): Promise<Figure[]> {
  const fake = await import('fake-indexeddb');
  Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
  const { openDb } = await import('../../lib/db/database');
  const { upsertSnapshot } = await import('../../lib/db/repositories/contractors');
  const { saveNote } = await import('../../lib/db/repositories/notes');
  const { createSyncStore } = await import('../../lib/db/repositories/sync');
  const { syncOnce } = await import('../../lib/sync/engine');
  const { importBackup } = await import('../../lib/backup/index');
  const { heavyBackup } = await import('./heavy-backup');
  const { createChunkCipher } = await import('../../lib/sync/crypto');
  const { createWebDavStorage } = await import('../../lib/sync/webdav');
  const { startLighttpd } = await import('../../tests/sync-servers');
  const { nodeFetch } = await import('../../tests/sync-servers/node-fetch');

  const server = await startLighttpd();
  const remote = createWebDavStorage({ baseUrl: server.url, user: server.user, password: server.password, fetch: nodeFetch });
  const key = await webcrypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const cipher = createChunkCipher(key as CryptoKey);
  let clock = Date.UTC(2026, 11, 1);
  const now = () => (clock += 1000);
  let n = 0;
  const device = (id: string) => {
    const db = openDb(`bench-sync-${++n}-${id}`, undefined, { sync: { now, deviceId: () => id } });
    return { db, store: createSyncStore(db, { now }) };
  };
  const figures: Figure[] = [];
  const sync = (d: ReturnType<typeof device>, root: string) => syncOnce({ store: d.store, remote, cipher, root, now });
  /** The least a sync of `bytes` costs here: list the folder, write one file. */
  const floor = async (root: string, bytes: number) => {
    const body = new Uint8Array(bytes);
    webcrypto.getRandomValues(body.subarray(0, Math.min(bytes, 65_536)));
    const t = performance.now();
    await remote.list(`${root}/devices`);
    await remote.put(`${root}/floor-${Math.random().toString(36).slice(2)}.bin`, body);
    return performance.now() - t;
  };

  try {
    const profile = (i: number) => ({
      key: `upwork:~bench${i}`,
      site: 'upwork' as const,
      siteId: `~bench${i}`,
      name: `Contractor ${i}`,
      profileUrl: `https://www.upwork.com/freelancers/~bench${i}`,
    });
    for (const count of CHANGED) {
      const root = `vetted/bench-${count}`;
      await remote.ensureDir(root);
      const a = device('dev-a');
      const b = device('dev-b');
      await upsertSnapshot(a.db, profile(0), now());
      await sync(a, root);
      await sync(b, root);
      const push: number[] = [],
        pull: number[] = [],
        floors: number[] = [],
        requests: number[] = [],
        pullRequests: number[] = [],
        bytes: number[] = [];
      for (let run = 0; run < runs; run++) {
        for (let i = 0; i < count; i++)
          await saveNote(
            a.db,
            {
              contractorKey: profile(0).key,
              kind: 'general',
              body: `Run ${run} note ${i}: replied within an hour, clear questions about the brief.`,
            },
            now(),
          );
        const measureSync = async () => {
          let t = performance.now();
          const up = await sync(a, root);
          push.push(performance.now() - t);
          requests.push(up.requests);
          bytes.push(up.bytesUp);
          t = performance.now();
          const down = await sync(b, root);
          pull.push(performance.now() - t);
          pullRequests.push(down.requests);
        };
        const measureFloor = async () => floors.push(await floor(root, bytes.at(-1) ?? 1024));
        // The variants take turns: sync first on even runs, the floor first on odd ones.
        if (run % 2 === 0) {
          await measureSync();
          await measureFloor();
        } else {
          await measureFloor();
          await measureSync();
        }
      }
      const f = median(floors);
      figures.push(
        {
          group: 'sync',
          name: `push ${count} changed note${count > 1 ? 's' : ''}, above its floor (list + one PUT of the chunk's size)`,
          value: median(push) - f,
          unit: 'ms',
          samples: push,
          note: `absolute: push ${median(push).toFixed(0)} ms, floor ${f.toFixed(0)} ms, pull on the other device ${median(pull).toFixed(0)} ms; requests: push ${median(requests)}, pull ${median(pullRequests)}; chunk ${(median(bytes) / 1024).toFixed(1)} KB`,
        },
        { group: 'sync', name: `requests to push ${count} changed note${count > 1 ? 's' : ''}`, value: median(requests), unit: 'count' },
        {
          group: 'sync',
          name: `chunk for ${count} changed note${count > 1 ? 's' : ''} (encrypted, gzip)`,
          value: median(bytes) / 1024,
          unit: 'KB',
        },
      );
      a.db.close();
      b.db.close();
    }

    // A first sync of a heavy database: everything goes up in one chunk, a new device pulls it.
    const root = 'vetted/bench-heavy';
    await remote.ensureDir(root);
    const a = device('dev-heavy-a');
    const t0 = performance.now();
    // The heavy user's database of `npm run bench`'s heavy group, restored from its backup.
    await importBackup(a.db, JSON.stringify(heavyBackup(clock)), now());
    const seeded = performance.now() - t0;
    const records = await a.db.syncIndex.count();
    let t = performance.now();
    const up = await sync(a, root);
    const pushMs = performance.now() - t;
    const b = device('dev-heavy-b');
    t = performance.now();
    const down = await sync(b, root);
    const pullMs = performance.now() - t;
    const fl = await floor(root, up.bytesUp);
    figures.push(
      {
        group: 'sync',
        name: `first sync of the heavy database (${records} records: 10k contractors, 100k notes, …): push, above its floor`,
        value: pushMs - fl,
        unit: 'ms',
        note: `absolute: push ${pushMs.toFixed(0)} ms (${up.requests} requests, ${(up.bytesUp / 2 ** 20).toFixed(1)} MB up), floor ${fl.toFixed(0)} ms; a new device pulls it in ${pullMs.toFixed(0)} ms (${down.requests} requests, ${(down.bytesDown / 2 ** 20).toFixed(1)} MB down); seeding took ${(seeded / 1000).toFixed(0)} s`,
      },
      { group: 'sync', name: 'first sync of the heavy database: bytes up', value: up.bytesUp / 2 ** 20, unit: 'MB' },
    );
  } finally {
    await server.stop();
  }
  return figures;
}
