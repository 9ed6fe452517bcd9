import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeHarness, senders, snapshot, type Harness } from './harness';

const KEY = 'upwork:~01abc';
const ratingOf = (contractorKey: string, score: number, wouldRehire: boolean, projectId?: string) => ({
  contractorKey,
  ...(projectId ? { projectId } : {}),
  quality: score,
  communication: score,
  timeliness: score,
  value: score,
  wouldRehire,
});
let h: Harness;

async function report(key: string, name: string) {
  const siteId = key.split(':')[1]!;
  await h.ok(
    'reportPage',
    { site: 'upwork', profile: snapshot({ key, siteId, name, profileUrl: `https://www.upwork.com/freelancers/${siteId}` }) },
    senders.content(),
  );
}

beforeEach(() => {
  h = makeHarness();
});

describe('contractor requests', () => {
  it('getContractor returns the whole view, or null when unknown', async () => {
    expect(await h.ok('getContractor', { key: KEY })).toBeNull();
    await report(KEY, 'Ada');
    await report('upwork:~02twin', 'Ada too');
    await h.ok('linkContractors', { a: KEY, b: 'upwork:~02twin' });
    await h.ok('setCheck', { contractorKey: KEY, itemId: 'a', state: 'done' });
    await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'n' });
    const p = await h.ok('createProject', { title: 'Logo', contractorKey: KEY });
    await h.ok('saveRating', { rating: ratingOf(KEY, 4, true, p.id) });
    const view = await h.ok('getContractor', { key: KEY });
    expect(view?.contractor.links).toEqual(['upwork:~02twin']);
    expect(view?.linked.map((c) => c.name)).toEqual(['Ada too']);
    expect(view?.checks).toHaveLength(1);
    expect(view?.notes).toHaveLength(1);
    expect(view?.ratings).toHaveLength(1);
    expect(view?.projects.map((x) => [x.title, x.status])).toEqual([['Logo', 'completed']]);
  });

  it('trackContractor creates from a snapshot and broadcasts', async () => {
    const c = await h.ok('trackContractor', { profile: snapshot() });
    expect(c).toMatchObject({ key: KEY, status: 'prospect' });
    // A new contractor also stamps settings.lastChangeAt (the backup reminder): both tables are announced.
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['contractors', 'settings'], contractorKeys: [KEY] });
  });

  it('updateContractor, listContractors, unlink and deleteContractor', async () => {
    await report(KEY, 'Ada');
    await report('upwork:~02twin', 'Twin');
    await h.ok('linkContractors', { a: KEY, b: 'upwork:~02twin' });
    await h.ok('unlinkContractors', { a: KEY, b: 'upwork:~02twin' });
    expect((await h.ok('getContractor', { key: KEY }))?.contractor.links).toEqual([]);
    await h.ok('updateContractor', { key: KEY, patch: { status: 'shortlisted' } });
    expect((await h.ok('listContractors', { status: 'shortlisted' })).map((c) => c.key)).toEqual([KEY]);
    expect(await h.ok('deleteContractor', { key: KEY })).toEqual({ deleted: true });
    expect(await h.ok('deleteContractor', { key: KEY })).toEqual({ deleted: false });
    expect((await h.ok('listContractors', {})).map((c) => c.key)).toEqual(['upwork:~02twin']);
  });

  it('linking to yourself is a bad request; updating an unknown contractor is not found', async () => {
    await report(KEY, 'Ada');
    expect(await h.call('linkContractors', { a: KEY, b: KEY })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await h.call('updateContractor', { key: 'upwork:~zz', patch: { status: 'hired' } })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});

describe('project requests', () => {
  it('create, PATCH with null, milestones, payments, check-in, getProject view, delete', async () => {
    await report(KEY, 'Ada');
    const p = await h.ok('createProject', { title: 'Site', contractorKey: KEY, budgetMinor: 1000_00, deadline: '2026-12-31' });
    const updated = await h.ok('updateProject', { id: p.id, patch: { deadline: null, status: 'paused' } });
    expect(updated).not.toHaveProperty('deadline');
    expect(updated.status).toBe('paused');
    const m = await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Design', dueDate: '2026-12-05', amountMinor: 400_00 } });
    const pay = await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 400_00, paidAt: '2026-12-06', milestoneId: m.id } });
    h.clock.now += 60_000;
    expect((await h.ok('logCheckIn', { id: p.id })).lastContactAt).toBe(h.clock.now);
    await h.ok('saveNote', { projectId: p.id, kind: 'budget', body: 'deposit paid' });
    const view = await h.ok('getProject', { id: p.id });
    expect(view?.contractor?.key).toBe(KEY);
    expect(view?.milestones.map((x) => x.id)).toEqual([m.id]);
    expect(view?.payments.map((x) => x.id)).toEqual([pay.id]);
    expect(view?.notes.map((x) => x.body)).toEqual(['deposit paid']);
    expect((await h.ok('listProjects', { status: ['paused'] })).map((x) => x.id)).toEqual([p.id]);
    expect(await h.ok('deletePayment', { id: pay.id })).toEqual({ deleted: true });
    expect(await h.ok('deleteMilestone', { id: m.id })).toEqual({ deleted: true });
    expect(await h.ok('deleteProject', { id: p.id })).toEqual({ deleted: true });
    expect(await h.ok('getProject', { id: p.id })).toBeNull();
  });

  it('announces project ids and the contractor of the project', async () => {
    const p = await h.ok('createProject', { title: 'Site', contractorKey: KEY });
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['projects', 'settings'], projectIds: [p.id], contractorKeys: [KEY] });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'M' } });
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['milestones'], projectIds: [p.id] });
  });

  it('a milestone on a missing project is not found and writes nothing', async () => {
    const before = await h.counts();
    expect(await h.call('saveMilestone', { projectId: 'nope', patch: { title: 'x' } })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await h.counts()).toEqual(before);
  });
});

describe('ratings', () => {
  it('saving a rating for a project completes it, and the broadcast says so', async () => {
    const p = await h.ok('createProject', { title: 'Site', contractorKey: KEY });
    const r = await h.ok('saveRating', { rating: { ...ratingOf(KEY, 5, true, p.id), comment: 'great' } });
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['projects', 'ratings'], projectIds: [p.id], contractorKeys: [KEY] });
    expect((await h.ok('getProject', { id: p.id }))?.project.status).toBe('completed');
    expect(await h.ok('deleteRating', { id: r.id })).toEqual({ deleted: true });
  });
});

describe('getDashboard', () => {
  it('shows open projects with their records, hire-again, recent contractors and counts', async () => {
    await report(KEY, 'Ada');
    h.clock.now += 1;
    await report('upwork:~02bob', 'Bob');
    h.clock.now += 1;
    await report('upwork:~03cat', 'Cat');
    await h.ok('updateContractor', { key: 'upwork:~03cat', patch: { status: 'avoid' } });
    const active = await h.ok('createProject', { title: 'Active', contractorKey: KEY });
    const planned = await h.ok('createProject', { title: 'Planned', status: 'planned' });
    await h.ok('createProject', { title: 'Done', contractorKey: 'upwork:~02bob', status: 'completed' });
    await h.ok('saveMilestone', { projectId: active.id, patch: { title: 'M1', dueDate: '2026-12-01' } });
    await h.ok('savePayment', { projectId: active.id, patch: { amountMinor: 100, paidAt: '2026-11-01' } });
    await h.ok('saveNote', { projectId: active.id, kind: 'budget', body: 'b' });
    await h.ok('saveRating', { rating: ratingOf('upwork:~02bob', 5, true) });
    await h.ok('saveRating', { rating: ratingOf(KEY, 2, false) });
    await h.ok('saveRating', { rating: ratingOf('upwork:~03cat', 5, true) });

    const d = await h.ok('getDashboard', {});
    expect(d.projects.map((v) => v.project.title).sort()).toEqual(['Active', 'Planned']);
    const card = d.projects.find((v) => v.project.id === active.id)!;
    expect(card.contractor?.name).toBe('Ada');
    expect(card.milestones.map((m) => m.title)).toEqual(['M1']);
    expect(card.payments).toHaveLength(1);
    // The card carries no notes (it shows none); the project's own view has them.
    expect('notes' in card).toBe(false);
    expect((await h.ok('getProject', { id: active.id }))?.notes.map((n) => n.body)).toEqual(['b']);
    expect(d.projects.find((v) => v.project.id === planned.id)?.contractor).toBeUndefined();
    expect(d.hireAgain.map((x) => x.contractor.key)).toEqual(['upwork:~02bob']);
    expect(d.recent.map((c) => c.key)).toEqual(['upwork:~03cat', 'upwork:~02bob', KEY]);
    expect(d.contractorCount).toBe(3);
    expect(d.settings.dueSoonDays).toBe(3);
  });

  it('"Recently viewed" lists only contractors whose profile page was opened (issue 14)', async () => {
    await report(KEY, 'Ada');
    h.clock.now += 1;
    // Tracked without opening the profile: a search card's shortlist, a project form's pick.
    const card = snapshot({
      key: 'upwork:~02card',
      siteId: '~02card',
      name: 'Card',
      profileUrl: 'https://www.upwork.com/freelancers/~02card',
    });
    await h.ok('shortlistFromCard', { profile: card, status: 'shortlisted' }, senders.content());
    const form = snapshot({
      key: 'upwork:~03form',
      siteId: '~03form',
      name: 'Form',
      profileUrl: 'https://www.upwork.com/freelancers/~03form',
    });
    await h.ok('trackContractor', { profile: form });
    h.clock.now += 1;
    let d = await h.ok('getDashboard', {});
    expect(d.recent.map((c) => c.key)).toEqual([KEY]);
    expect(d.contractorCount).toBe(3);
    // Opening the card's profile later makes it a viewed one, newest first.
    await report('upwork:~02card', 'Card');
    d = await h.ok('getDashboard', {});
    expect(d.recent.map((c) => c.key)).toEqual(['upwork:~02card', KEY]);
  });

  it('an empty database gives an empty dashboard', async () => {
    const d = await h.ok('getDashboard', {});
    expect(d).toMatchObject({ projects: [], hireAgain: [], recent: [], contractorCount: 0 });
  });
});

describe('settings requests', () => {
  it('get and update', async () => {
    expect((await h.ok('updateSettings', { patch: { dueSoonDays: 7 } })).dueSoonDays).toBe(7);
    expect((await h.ok('getSettings', {})).dueSoonDays).toBe(7);
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['settings'] });
  });
});

describe('whole-database requests', () => {
  async function fill() {
    await report(KEY, 'Ada');
    const p = await h.ok('createProject', { title: 'Site', contractorKey: KEY });
    await h.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'n' });
    await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 1, paidAt: '2026-11-01' } });
  }

  it('deleteEverything clears every table and announces every table that held rows', async () => {
    await fill();
    const before = await h.counts();
    const held = Object.keys(before)
      .filter((t) => (before[t] ?? 0) > 0)
      .sort();
    expect(held.length).toBeGreaterThan(3);
    expect(await h.ok('deleteEverything', { confirm: 'DELETE' })).toEqual({ ok: true });
    expect(Object.values(await h.counts()).every((n) => n === 0)).toBe(true);
    expect((h.events.at(-1)?.event as { tables: string[] }).tables).toEqual(held);
  });

  it('getStorageInfo gives counts, usage and persistence', async () => {
    await fill();
    const storage = {
      estimate: vi.fn(async () => ({ usage: 2048, quota: 1_000_000 })),
      persisted: vi.fn(async () => true),
    };
    vi.stubGlobal('navigator', { ...navigator, storage });
    try {
      const info = await h.ok('getStorageInfo', {});
      expect(info).toEqual({
        usage: 2048,
        quota: 1_000_000,
        persisted: true,
        counts: { contractors: 1, checks: 0, notes: 1, ratings: 0, projects: 1, milestones: 0, payments: 1, settings: 1, lists: 0 },
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('getStorageInfo still answers without the storage API', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    try {
      expect(await h.ok('getStorageInfo', {})).toMatchObject({ persisted: false, counts: { contractors: 0 } });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('export then import round-trips through lib/backup and reports what it did', async () => {
    await fill();
    const before = await h.counts();
    const backup = await h.ok('exportBackup', {});
    expect(backup.filename).toMatch(/\.json$/);
    expect((await h.ok('getSettings', {})).lastBackupAt).toBe(h.clock.now);
    await h.ok('deleteEverything', { confirm: 'DELETE' });
    const report = await h.ok('importBackup', { text: backup.text });
    expect(report.added).toBeGreaterThan(0);
    const after = await h.counts();
    expect({ ...after, settings: 0 }).toEqual({ ...before, settings: 0 });
  });

  it('a broken backup is a bad request with the reason, and changes nothing', async () => {
    await fill();
    const before = await h.counts();
    const reply = await h.call('importBackup', { text: '{"format": "vetted-backup", "version": 1, "data": {' });
    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
    expect((reply as { error: string }).error.length).toBeGreaterThan(10);
    expect(await h.counts()).toEqual(before);
  });
});
