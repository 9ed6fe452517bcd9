/** Issue 12, attack 12: a create retried after a lost reply (service worker died mid-save) adds nothing twice. */
import { describe, expect, it } from 'vitest';
import { makeHarness } from './harness';

const KEY = 'upwork:~01abc';
const profile = {
  key: KEY,
  site: 'upwork' as const,
  siteId: '~01abc',
  name: 'Ada',
  profileUrl: 'https://www.upwork.com/freelancers/~01abc',
};

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

describe('creates beyond notes are idempotent too (issue 12, attack 12)', () => {
  it('a project, milestone, payment and rating each sent twice with one createId are stored once', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const project = await h.ok('createProject', { createId: 'p-draft', title: 'Logo', contractorKey: KEY, budgetMinor: 50_000 });
    const again = await h.ok('createProject', { createId: 'p-draft', title: 'Logo', contractorKey: KEY, budgetMinor: 50_000 });
    expect(again.id).toBe(project.id);
    expect(project.id).toBe('p-draft');

    const m1 = await h.ok('saveMilestone', {
      projectId: project.id,
      createId: 'm-draft',
      patch: { title: 'Sketches', amountMinor: 20_000 },
    });
    const m2 = await h.ok('saveMilestone', {
      projectId: project.id,
      createId: 'm-draft',
      patch: { title: 'Sketches', amountMinor: 20_000 },
    });
    expect(m2.id).toBe(m1.id);

    const pay = { amountMinor: 10_000, paidAt: '2026-11-20' };
    const p1 = await h.ok('savePayment', { projectId: project.id, createId: 'pay-draft', patch: pay });
    const p2 = await h.ok('savePayment', { projectId: project.id, createId: 'pay-draft', patch: pay });
    expect(p2.id).toBe(p1.id);

    const rating = { contractorKey: KEY, quality: 5, communication: 4, timeliness: 4, value: 5, wouldRehire: true };
    const r1 = await h.ok('saveRating', { createId: 'r-draft', rating });
    const r2 = await h.ok('saveRating', { createId: 'r-draft', rating });
    expect(r2.id).toBe(r1.id);

    const counts = await h.counts();
    expect({ projects: counts.projects, milestones: counts.milestones, payments: counts.payments, ratings: counts.ratings }).toEqual({
      projects: 1,
      milestones: 1,
      payments: 1,
      ratings: 1,
    });
  });
});

describe('stale edits of checks, projects, milestones and payments are refused (issue 12, attack 7)', () => {
  it('each refuses a save from an older version with "changed elsewhere" and keeps the newer one', async () => {
    const h = makeHarness();
    await h.ok('trackContractor', { profile });
    const project = await h.ok('createProject', { title: 'Logo', contractorKey: KEY });
    const milestone = await h.ok('saveMilestone', { projectId: project.id, patch: { title: 'Sketches' } });
    const payment = await h.ok('savePayment', { projectId: project.id, patch: { amountMinor: 1000, paidAt: '2026-11-20' } });
    const check = await h.ok('setCheck', { contractorKey: KEY, itemId: 'interview', state: 'done', baseUpdatedAt: 0 });
    h.clock.now += 1000;
    // Tab B saves each one from the version it read.
    await h.ok('updateProject', { id: project.id, patch: { title: 'B' }, baseUpdatedAt: project.updatedAt });
    await h.ok('saveMilestone', { projectId: project.id, id: milestone.id, patch: { title: 'B' }, baseUpdatedAt: milestone.updatedAt });
    await h.ok('savePayment', { projectId: project.id, id: payment.id, patch: { note: 'B' }, baseUpdatedAt: payment.updatedAt });
    await h.ok('setCheck', { contractorKey: KEY, itemId: 'interview', note: 'B', baseUpdatedAt: check.updatedAt });
    h.clock.now += 1000;
    // Tab A, still on the first versions.
    const refused = [
      await h.call('updateProject', { id: project.id, patch: { title: 'A' }, baseUpdatedAt: project.updatedAt }),
      await h.call('saveMilestone', { projectId: project.id, id: milestone.id, patch: { title: 'A' }, baseUpdatedAt: milestone.updatedAt }),
      await h.call('savePayment', { projectId: project.id, id: payment.id, patch: { note: 'A' }, baseUpdatedAt: payment.updatedAt }),
      await h.call('setCheck', { contractorKey: KEY, itemId: 'interview', note: 'A', baseUpdatedAt: check.updatedAt }),
      // A check another tab created while this one showed none.
      await h.call('setCheck', { contractorKey: KEY, itemId: 'interview', state: 'failed', baseUpdatedAt: 0 }),
    ];
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, code: 'conflict' });
      if (!r.ok) expect(r.error).toMatch(/changed elsewhere/);
    }
    expect((await h.db.projects.get(project.id))?.title).toBe('B');
    expect((await h.db.milestones.get(milestone.id))?.title).toBe('B');
    expect((await h.db.payments.get(payment.id))?.note).toBe('B');
    expect(await h.db.checks.get([KEY, 'interview'])).toMatchObject({ note: 'B', state: 'done' });
    // "Overwrite" saves from the version now stored.
    const now = await h.db.projects.get(project.id);
    await h.ok('updateProject', { id: project.id, patch: { title: 'A' }, baseUpdatedAt: now!.updatedAt });
    expect((await h.db.projects.get(project.id))?.title).toBe('A');
  });
});
