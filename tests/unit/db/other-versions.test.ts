/**
 * issue 11: "2 versions". Two devices edit the same note before either syncs; after both synced,
 * each keeps the losing edit, the views get it from otherVersions, and chooseVersion takes it back
 * (a new edit that wins on every device, keeping the replaced version) or lets it go.
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/database';
import { deleteContractor, upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { deleteNote, saveNote } from '../../../lib/db/repositories/notes';
import { createSyncStore } from '../../../lib/db/repositories/sync';
import { chooseVersion, otherVersions } from '../../../lib/db/repositories/conflicts';
import { NotFoundError } from '../../../lib/db/errors';
import { syncOnce } from '../../../lib/sync/engine';
import { MemoryRemote, pathCipher } from '../sync/memory-remote';

const T0 = Date.UTC(2026, 11, 1);
const KEY = 'upwork:~01abc';
let n = 0;
function device(id: string) {
  let now = T0;
  const clock = () => now;
  const db = openDb(`other-versions-${++n}-${id}`, undefined, { sync: { now: clock, deviceId: () => id } });
  return { db, store: createSyncStore(db, { now: clock }), tick: (ms = 1000) => (now += ms), now: clock };
}
type Device = ReturnType<typeof device>;
const sync = (d: Device, remote: MemoryRemote) => syncOnce({ store: d.store, remote, cipher: pathCipher, root: 'vetted/ws' });

/** A and B both hold one note, then each edits it before syncing. */
async function editedTwice(bodyA: string, bodyB: string) {
  const remote = new MemoryRemote(true);
  const a = device('dev-a');
  const b = device('dev-b');
  await upsertSnapshot(
    a.db,
    { key: KEY, site: 'upwork', siteId: '~01abc', name: 'Ada', profileUrl: 'https://www.upwork.com/freelancers/~01abc' },
    T0,
  );
  const note = await saveNote(a.db, { contractorKey: KEY, kind: 'general', body: 'Asked for $20/h' }, a.now());
  await sync(a, remote);
  await sync(b, remote);
  a.tick();
  b.tick(2000);
  await saveNote(a.db, { id: note.id, kind: 'general', body: bodyA }, a.now());
  await saveNote(b.db, { id: note.id, kind: 'general', body: bodyB }, b.now());
  await sync(a, remote);
  await sync(b, remote);
  await sync(a, remote);
  return { remote, a, b, id: note.id };
}

describe('other versions of a note edited on two devices', () => {
  it('both devices end on one text and show the other one, with its text', async () => {
    const { a, b, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const [onA, onB] = [await a.db.notes.get(id), await b.db.notes.get(id)];
    expect(onA!.body).toBe(onB!.body);
    const loser = onA!.body === 'Agreed $25/h' ? 'Agreed $22/h' : 'Agreed $25/h';
    for (const d of [a, b]) {
      const versions = await otherVersions(d.db, 'notes', [id]);
      expect(versions.map((v) => v.row.body)).toEqual([loser]);
      expect(versions[0]!.key).toBe(id);
      expect(versions[0]!.row).not.toHaveProperty('words');
    }
  });

  it('taking the other version back makes it the note on every device and keeps the replaced text', async () => {
    const { remote, a, b, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const winner = (await a.db.notes.get(id))!.body;
    const [other] = await otherVersions(a.db, 'notes', [id]);
    a.tick();
    const { row } = await chooseVersion(a.db, other!.id, 'other', a.now());
    expect(row!.body).toBe(other!.row.body);
    expect((await a.db.notes.get(id))!.body).toBe(other!.row.body);
    expect((await a.db.notes.get(id))!.updatedAt).toBe(a.now());
    // Nothing lost by choosing: the replaced text is now the other version.
    expect((await otherVersions(a.db, 'notes', [id])).map((v) => v.row.body)).toEqual([winner]);
    // The choice is an edit like any other: B takes it at its next sync.
    await sync(a, remote);
    await sync(b, remote);
    expect((await b.db.notes.get(id))!.body).toBe(other!.row.body);
    // The search words follow the restored text.
    const word = String(other!.row.body).includes('22') ? '22' : '25';
    expect(await a.db.notes.where('words').startsWith(word).primaryKeys()).toEqual([id]);
  });

  it('keeping the current version lets the other go, once', async () => {
    const { a, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const before = (await a.db.notes.get(id))!;
    const [other] = await otherVersions(a.db, 'notes', [id]);
    await chooseVersion(a.db, other!.id, 'current', a.now());
    expect(await otherVersions(a.db, 'notes', [id])).toEqual([]);
    expect(await a.db.notes.get(id)).toEqual(before);
    await expect(chooseVersion(a.db, other!.id, 'other', a.now())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the same edit made on both devices is not two versions', async () => {
    const { a, b, id } = await editedTwice('Agreed $25/h', 'Agreed $25/h');
    expect(await otherVersions(a.db, 'notes', [id])).toEqual([]);
    expect(await otherVersions(b.db, 'notes', [id])).toEqual([]);
  });

  it('a note deleted since shows no other version, its other version goes with it and cannot come back', async () => {
    const { a, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const [other] = await otherVersions(a.db, 'notes', [id]);
    expect(await a.db.conflicts.where('[table+key]').equals(['notes', id]).count()).toBe(1);
    await deleteNote(a.db, id, a.tick());
    expect(await otherVersions(a.db, 'notes', [id])).toEqual([]);
    expect(await a.db.conflicts.where('[table+key]').equals(['notes', id]).count()).toBe(0);
    await expect(chooseVersion(a.db, other!.id, 'other', a.now())).rejects.toThrow(NotFoundError);
    expect(await a.db.notes.get(id)).toBeUndefined();
  });

  it('deleting the contractor takes the other versions of their notes with it (the cascade too), and no other record’s', async () => {
    const { a, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const keep = { id: 'kept', table: 'notes' as const, key: 'another-note', row: { id: 'another-note' }, v: 1, d: 'dev-x', keptAt: T0 };
    await a.db.conflicts.put(keep);
    await deleteContractor(a.db, KEY, a.tick());
    expect(await a.db.notes.get(id)).toBeUndefined();
    expect((await a.db.conflicts.toArray()).map((c) => c.id)).toEqual(['kept']);
  });

  it('a delete that arrives by sync leaves this device’s kept versions alone (it is not this user’s choice)', async () => {
    const { remote, a, b, id } = await editedTwice('Agreed $25/h', 'Agreed $22/h');
    const before = await b.db.conflicts.where('[table+key]').equals(['notes', id]).count();
    expect(before).toBe(1);
    await deleteNote(a.db, id, a.tick());
    await sync(a, remote);
    await sync(b, remote);
    expect(await b.db.notes.get(id)).toBeUndefined();
    expect(await b.db.conflicts.where('[table+key]').equals(['notes', id]).count()).toBe(before);
  });
});
