import { beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, senders, snapshot, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});

describe('router: the overlay path', () => {
  it('reports a page, sets a check, saves a note and reads them back', async () => {
    const reported = await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
    expect(reported).toEqual({ key: 'upwork:~01abc', enabled: true });
    await h.ok('setCheck', { contractorKey: 'upwork:~01abc', itemId: 'interview', state: 'done' }, senders.overlay());
    const note = await h.ok('saveNote', { contractorKey: 'upwork:~01abc', kind: 'interview', body: 'Great call' }, senders.overlay());
    const view = await h.ok('getContractor', { key: 'upwork:~01abc' }, senders.overlay());
    expect(view?.contractor.name).toBe('Ada Lovelace');
    expect(view?.checks).toEqual([expect.objectContaining({ itemId: 'interview', state: 'done' })]);
    expect(view?.notes.map((n) => n.id)).toEqual([note.id]);
  });
});
