/** deleteNote hands back what it deleted; restoreNote puts exactly that back (the overlay's Undo). */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
let h: Harness;

beforeEach(async () => {
  h = makeHarness();
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});

async function writtenNote() {
  const note = await h.ok('saveNote', { contractorKey: KEY, kind: 'interview', body: 'Answered every question <b>clearly</b> 👍' });
  h.clock.now += 60_000;
  // An edit makes updatedAt differ from createdAt: both must survive the round trip.
  return h.ok('saveNote', { id: note.id, contractorKey: KEY, kind: 'interview', body: `${note.body} (edited)` });
}

describe('note delete and undo', () => {
  it('deleteNote returns the deleted note; restoreNote brings it back with the same id, kind, text and times', async () => {
    const note = await writtenNote();
    h.clock.now += 60_000;
    const deleted = await h.ok('deleteNote', { id: note.id });
    expect(deleted).toEqual({ deleted: true, note });
    expect((await h.ok('getContractor', { key: KEY }))?.notes).toEqual([]);

    h.clock.now += 5_000;
    h.events.length = 0;
    const restored = await h.ok('restoreNote', { note: deleted.note! });
    expect(restored).toEqual(note);
    expect((await h.ok('getContractor', { key: KEY }))?.notes).toEqual([note]);
    expect(h.events.map((e) => e.event)).toMatchObject([{ tables: ['notes', 'settings'], contractorKeys: [KEY] }]);
    // Restoring is a change the backup reminder must count.
    expect((await h.ok('getSettings', {})).lastChangeAt).toBe(h.clock.now);
  });

  it('a second Undo changes nothing and never overwrites the note', async () => {
    const note = await writtenNote();
    const { note: gone } = await h.ok('deleteNote', { id: note.id });
    await h.ok('restoreNote', { note: gone! });
    const edited = await h.ok('saveNote', { id: note.id, contractorKey: KEY, kind: 'general', body: 'Newer text' });
    expect(await h.ok('restoreNote', { note: gone! })).toEqual(edited);
    expect(await h.counts()).toMatchObject({ notes: 1 });
  });

  it('refuses to restore a note whose contractor was deleted meanwhile, and writes nothing', async () => {
    const note = await writtenNote();
    const { note: gone } = await h.ok('deleteNote', { id: note.id });
    await h.ok('deleteContractor', { key: KEY });
    const reply = await h.call('restoreNote', { note: gone! });
    expect(reply).toMatchObject({ ok: false, code: 'not-found' });
    expect(await h.counts()).toMatchObject({ notes: 0, contractors: 0 });
  });

  it('deleting a note that is already gone returns no note', async () => {
    expect(await h.ok('deleteNote', { id: 'nope' })).toEqual({ deleted: false });
  });

  it('a malformed note is a bad request and is not stored', async () => {
    const reply = await h.call('restoreNote', {
      note: { id: 'n1', contractorKey: KEY, kind: 'general', body: '', createdAt: 1, updatedAt: 1 },
    });
    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await h.counts()).toMatchObject({ notes: 0 });
  });

  it('a content script may not restore notes', async () => {
    const reply = await h.call(
      'restoreNote',
      { note: { id: 'n1', contractorKey: KEY, kind: 'general', body: 'x', createdAt: 1, updatedAt: 1 } },
      senders.content(),
    );
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await h.counts()).toMatchObject({ notes: 0 });
  });
});
