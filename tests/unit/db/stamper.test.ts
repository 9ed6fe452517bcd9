/** The sync stamper: versions and tombstones written in the same transaction as each local write. */
import { describe, expect, it } from 'vitest';
import { openDb, type VettedDb } from '../../../lib/db/database';
import { setCheck } from '../../../lib/db/repositories/checks';
import { deleteContractor, upsertSnapshot, updateContractor } from '../../../lib/db/repositories/contractors';
import { deleteEverything } from '../../../lib/db/repositories/everything';
import { saveNote } from '../../../lib/db/repositories/notes';
import type { SyncIndexRow } from '../../../lib/db/sync-index';
import { snap, T0 } from './helpers';

let n = 0;
function fresh(clock: { t: number }): VettedDb {
  return openDb(`stamper-test-${Date.now()}-${++n}`, undefined, { sync: { now: () => clock.t, deviceId: () => 'dev-a' } });
}
const entry = async (db: VettedDb, table: string, key: SyncIndexRow['key']) => db.syncIndex.get([table, key]);
const KEY = 'upwork:~01abc';

describe('SyncStamper', () => {
  it('versions each write max(now, highest seen + 1), one version per transaction, waiting to be pushed', async () => {
    const clock = { t: T0 };
    const db = fresh(clock);
    await upsertSnapshot(db, snap(), T0);
    expect(await entry(db, 'contractors', KEY)).toMatchObject({ v: T0, d: 'dev-a', src: 'l', lseq: 1 });
    // The clock did not move (or went back): the version still goes up.
    clock.t = T0 - 60_000;
    await setCheck(db, { contractorKey: KEY, itemId: 'interview', state: 'done' }, T0);
    expect(await entry(db, 'checks', [KEY, 'interview'])).toMatchObject({ v: T0 + 1, lseq: 2 });
    clock.t = T0 + 5_000;
    const note = await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'hi' }, T0);
    expect(await entry(db, 'notes', note.id)).toMatchObject({ v: T0 + 5_000, lseq: 3 });
    expect(await db.syncMeta.get('clock')).toEqual({ key: 'clock', deviceId: 'dev-a', maxV: T0 + 5_000, lseq: 3 });
    // Rows are left as the repositories wrote them.
    expect(await db.notes.get(note.id)).toEqual(note);
  });

  it('a contractor write versions only the field group whose time it moved', async () => {
    const clock = { t: T0 };
    const db = fresh(clock);
    await upsertSnapshot(db, snap(), T0);
    // Created from a page: userUpdatedAt 0 (no user choice yet), page fields at this version.
    expect((await entry(db, 'contractors', KEY))?.g).toEqual({ u: 0, p: T0 });
    clock.t = T0 + 10;
    await updateContractor(db, KEY, { status: 'shortlisted' }, T0 + 10);
    expect((await entry(db, 'contractors', KEY))?.g).toEqual({ u: T0 + 10, p: T0 });
    clock.t = T0 + 20;
    await upsertSnapshot(db, snap({ headline: 'New headline' }), T0 + 20);
    expect((await entry(db, 'contractors', KEY))?.g).toEqual({ u: T0 + 10, p: T0 + 20 });
  });

  it('deletes write tombstones, cascades included; the base is the version replaced', async () => {
    const clock = { t: T0 };
    const db = fresh(clock);
    await upsertSnapshot(db, snap(), T0);
    await setCheck(db, { contractorKey: KEY, itemId: 'interview', state: 'done' }, T0);
    const note = await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'only about them' }, T0);
    // A version that came from another device: the delete replaces it knowingly.
    await db.syncIndex.update(['notes', note.id], { d: 'dev-b', src: 'r', v: T0 + 1 });
    clock.t = T0 + 100;
    expect(await deleteContractor(db, KEY, T0 + 100)).toBe(true);
    const tomb = await entry(db, 'notes', note.id);
    expect(tomb).toMatchObject({ deleted: true, v: T0 + 100, d: 'dev-a', base: [T0 + 1, 'dev-b'] });
    expect(await entry(db, 'contractors', KEY)).toMatchObject({ deleted: true, v: T0 + 100 });
    expect(await entry(db, 'checks', [KEY, 'interview'])).toMatchObject({ deleted: true, v: T0 + 100 });
  });

  it('an empty database deletes nothing: clearing it writes no tombstone', async () => {
    const db = fresh({ t: T0 });
    await deleteEverything(db);
    await db.notes.delete('never-existed');
    expect(await db.syncIndex.count()).toBe(0);
  });

  it('clearing a table tombstones every row it held; bookkeeping survives delete-everything', async () => {
    const db = fresh({ t: T0 });
    await upsertSnapshot(db, snap(), T0);
    await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'x' }, T0);
    await deleteEverything(db);
    const rows = await db.syncIndex.toArray();
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.deleted)).toBe(true);
    expect(await db.syncMeta.get('clock')).toBeDefined();
  });

  it('change events never name bookkeeping tables; a managed transaction keeps the versions it was given', async () => {
    const db = fresh({ t: T0 });
    db.writes.take();
    await db.transaction('rw', [db.notes, db.syncIndex], async (tx) => {
      db.stamp.manage(tx.idbtrans);
      await db.notes.put({ id: 'n1', contractorKey: KEY, kind: 'general', body: 'from afar', createdAt: 1, updatedAt: 1 });
      await db.syncIndex.put({ table: 'notes', key: 'n1', v: 42, d: 'dev-b', src: 'r' });
    });
    expect(await entry(db, 'notes', 'n1')).toEqual({ table: 'notes', key: 'n1', v: 42, d: 'dev-b', src: 'r' });
    // Nothing was stamped: no clock was started.
    expect(await db.syncMeta.get('clock')).toBeUndefined();
    expect(db.writes.take().map((w) => w.table)).toEqual(['notes']);
  });
});
