/** A device that moves to another workspace takes everything with it (issue 11: never lose a note). */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/database';
import { upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { saveNote } from '../../../lib/db/repositories/notes';
import { createSyncStore, markAllUnpushed } from '../../../lib/db/repositories/sync';
import { syncOnce } from '../../../lib/sync/engine';
import { MemoryRemote, pathCipher } from './memory-remote';

const T0 = Date.UTC(2026, 11, 1);
let n = 0;
const device = (id: string) => {
  const db = openDb(`sync-reconnect-${++n}-${id}`, undefined, { sync: { now: () => T0 + n * 1000, deviceId: () => id } });
  return { db, store: createSyncStore(db, { now: () => T0 + n * 1000 }) };
};
const sync = (d: ReturnType<typeof device>, remote: MemoryRemote) =>
  syncOnce({ store: d.store, remote, cipher: pathCipher, root: 'vetted/ws' });

describe('moving to another workspace', () => {
  it('pushes what was already pushed to the old one, so a device of the new one gets it all', async () => {
    const a = device('dev-a');
    await upsertSnapshot(
      a.db,
      { key: 'upwork:~01abc', site: 'upwork', siteId: '~01abc', name: 'Ada', profileUrl: 'https://www.upwork.com/freelancers/~01abc' },
      T0,
    );
    await saveNote(a.db, { contractorKey: 'upwork:~01abc', kind: 'general', body: 'Strong portfolio' }, T0);
    const old = new MemoryRemote(true);
    expect((await sync(a, old)).pushedRecords).toBeGreaterThan(0);
    // Nothing new: a second sync to the same workspace pushes nothing.
    expect((await sync(a, old)).pushedRecords).toBe(0);

    const fresh = new MemoryRemote(true);
    const marked = await markAllUnpushed(a.db);
    expect(marked).toBe(await a.db.syncIndex.count());
    await sync(a, fresh);

    const b = device('dev-b');
    await sync(b, fresh);
    expect((await b.db.notes.toArray()).map((x) => x.body)).toEqual(['Strong portfolio']);
    expect((await b.db.contractors.get('upwork:~01abc'))?.name).toBe('Ada');

    // Back on the old workspace, the same versions again make no conflict.
    await markAllUnpushed(a.db);
    await sync(a, old);
    const c = device('dev-c');
    await sync(c, old);
    expect(await c.db.conflicts.count()).toBe(0);
    expect((await c.db.notes.toArray()).map((x) => x.body)).toEqual(['Strong portfolio']);
  });
});
