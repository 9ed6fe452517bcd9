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
