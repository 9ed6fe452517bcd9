/** Issue 12, attack 12: a create retried after a lost reply (service worker died mid-save) adds nothing twice. */
import { describe, expect, it } from 'vitest';
import { makeHarness } from './harness';

const KEY = 'upwork:~01abc';
const profile = { key: KEY, site: 'upwork' as const, siteId: '~01abc', name: 'Ada', profileUrl: 'https://www.upwork.com/freelancers/~01abc' };

describe('client-made ids make creates idempotent', () => {
  it('a note saved twice with the same createId is one note, with the last text', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const first = await h.ok('saveNote', { createId: 'draft-1', contractorKey: KEY, kind: 'general', body: 'Asked for samples' });
    const again = await h.ok('saveNote', { createId: 'draft-1', contractorKey: KEY, kind: 'general', body: 'Asked for samples' });
    expect(again.id).toBe(first.id);
    expect(first.id).toBe('draft-1');
    expect((await h.ok('getContractor', { key: KEY }))?.notes.map((n) => n.body)).toEqual(['Asked for samples']);
    // Another draft is another note.
    await h.ok('saveNote', { createId: 'draft-2', contractorKey: KEY, kind: 'general', body: 'Second' });
    expect(await h.db.notes.count()).toBe(2);
  });
});

describe('edits carry the version they started from (issue 12, stale tab)', () => {
  it('a save over a newer version is refused as changed elsewhere, and nothing is written', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const note = await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'v1' });
    h.clock.now += 1000;
    // Tab B edits from v1 and saves.
    const b = await h.ok('saveNote', { id: note.id, kind: 'general', body: 'B', baseUpdatedAt: note.updatedAt });
    h.clock.now += 1000;
    // Tab A, still on v1, saves: refused, B's edit kept.
    const a = await h.call('saveNote', { id: note.id, kind: 'general', body: 'A', baseUpdatedAt: note.updatedAt });
    expect(a).toMatchObject({ ok: false, code: 'conflict' });
    if (!a.ok) expect(a.error).toMatch(/changed elsewhere/);
    expect((await h.db.notes.get(note.id))?.body).toBe('B');
    // Picking "keep mine" saves from B's version.
    await h.ok('saveNote', { id: note.id, kind: 'general', body: 'A', baseUpdatedAt: b.updatedAt });
    expect((await h.db.notes.get(note.id))?.body).toBe('A');
  });
});
