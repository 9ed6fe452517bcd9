import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import {
  bulkGetContractors,
  deleteContractor,
  getContractor,
  linkContractors,
  listContractors,
  recentContractors,
  trackContractor,
  unlinkContractors,
  updateContractor,
  upsertSnapshot,
} from '../../../lib/db/repositories/contractors';
import { setCheck } from '../../../lib/db/repositories/checks';
import { saveNote } from '../../../lib/db/repositories/notes';
import { saveRating } from '../../../lib/db/repositories/ratings';
import { createProject } from '../../../lib/db/repositories/projects';
import { getSettings } from '../../../lib/db/repositories/settings';
import { InvalidRecordError, NotFoundError } from '../../../lib/db/errors';
import { freshDb, HOUR, ids, snap, T0 } from './helpers';

const KEY = 'upwork:~01abc';
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('upsertSnapshot', () => {
  it('creates a prospect with the first observation as history', async () => {
    const r = await upsertSnapshot(db, snap(), T0);
    expect(r).toMatchObject({ created: true, changed: true });
    const c = await getContractor(db, KEY);
    expect(c).toMatchObject({
      key: KEY,
      name: 'Ada Lovelace',
      status: 'prospect',
      tags: [],
      links: [],
      firstSeenAt: T0,
      lastSeenAt: T0,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(c?.history).toEqual([
      {
        at: T0,
        rate: { amountMinor: 8000, currency: 'USD', unit: 'hour' },
        marketplaceRating: { score: 4.9, outOf: 5, count: 31 },
        jobSuccess: 98,
      },
    ]);
  });

  it('falls back to the site id when the page gave no name', async () => {
    await upsertSnapshot(db, snap({ name: '  ' }), T0);
    expect((await getContractor(db, KEY))?.name).toBe('~01abc');
  });

  it('only moves lastSeenAt when nothing changed', async () => {
    await upsertSnapshot(db, snap(), T0);
    const r = await upsertSnapshot(db, snap(), T0 + HOUR);
    expect(r).toMatchObject({ created: false, changed: false });
    const c = await getContractor(db, KEY);
    expect(c).toMatchObject({ lastSeenAt: T0 + HOUR, updatedAt: T0, firstSeenAt: T0 });
    expect(c?.history).toHaveLength(1);
  });

  it('appends a history entry when rate, rating or job success change', async () => {
    await upsertSnapshot(db, snap(), T0);
    await upsertSnapshot(db, snap({ rate: { amountMinor: 9000, currency: 'USD', unit: 'hour' } }), T0 + HOUR);
    await upsertSnapshot(db, snap({ rate: { amountMinor: 9000, currency: 'USD', unit: 'hour' }, jobSuccess: 95 }), T0 + 2 * HOUR);
    const c = await getContractor(db, KEY);
    expect(c?.history.map((h) => [h.at, h.rate?.amountMinor, h.jobSuccess])).toEqual([
      [T0, 8000, 98],
      [T0 + HOUR, 9000, 98],
      [T0 + 2 * HOUR, 9000, 95],
    ]);
    expect(c?.rate?.amountMinor).toBe(9000);
    expect(c?.jobSuccess).toBe(95);
  });

  it('treats the same values in another key order as unchanged', async () => {
    await upsertSnapshot(db, snap(), T0);
    const r = await upsertSnapshot(db, snap({ marketplaceRating: { count: 31, outOf: 5, score: 4.9 } }), T0 + HOUR);
    expect(r.changed).toBe(false);
  });

  it('keeps fields the adapter could not read this time', async () => {
    await upsertSnapshot(db, snap({ headline: 'Engines', location: 'London' }), T0);
    const { rate: _r, marketplaceRating: _m, jobSuccess: _j, ...bare } = snap();
    await upsertSnapshot(db, bare, T0 + HOUR);
    const c = await getContractor(db, KEY);
    expect(c).toMatchObject({ headline: 'Engines', location: 'London', jobSuccess: 98 });
    expect(c?.history).toHaveLength(1);
  });

  it('never overwrites a name the user edited', async () => {
    await upsertSnapshot(db, snap(), T0);
    await updateContractor(db, KEY, { name: 'Ada (the good one)' }, T0 + 1);
    await upsertSnapshot(db, snap({ name: 'Ada L.' }), T0 + HOUR);
    expect((await getContractor(db, KEY))?.name).toBe('Ada (the good one)');
  });

  it('follows the page name while the user has not edited it', async () => {
    await upsertSnapshot(db, snap(), T0);
    await upsertSnapshot(db, snap({ name: 'Ada L.' }), T0 + HOUR);
    expect((await getContractor(db, KEY))?.name).toBe('Ada L.');
  });

  it('keeps the first observation and the latest changes when history is full', async () => {
    await upsertSnapshot(db, snap({ jobSuccess: 0 }), T0);
    const filler = Array.from({ length: 498 }, (_, i) => ({ at: T0 + 1 + i, jobSuccess: (i % 99) + 1 }));
    await db.contractors.update(KEY, { history: [(await getContractor(db, KEY))!.history[0]!, ...filler] });
    await upsertSnapshot(db, snap({ jobSuccess: 50.5 }), T0 + 1000);
    await upsertSnapshot(db, snap({ jobSuccess: 60.5 }), T0 + 1001);
    const c = await getContractor(db, KEY);
    expect(c?.history).toHaveLength(500);
    expect(c?.history[0]?.at).toBe(T0);
    expect(c?.history[1]?.at).toBe(T0 + 2); // the oldest change after the baseline was dropped
    expect(c?.history.slice(-2).map((h) => h.jobSuccess)).toEqual([50.5, 60.5]);
  });

  it('rejects an invalid snapshot and writes nothing', async () => {
    await expect(upsertSnapshot(db, snap({ profileUrl: 'nope' }), T0)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(upsertSnapshot(db, snap({ profileUrl: 'nope' }), T0)).rejects.toThrow(/profileUrl/);
    expect(await db.contractors.count()).toBe(0);
  });

  it('does not count as a user change (no backup reminder from browsing)', async () => {
    await upsertSnapshot(db, snap(), T0);
    expect((await getSettings(db)).lastChangeAt).toBeUndefined();
  });
});

describe('trackContractor', () => {
  it('creates once and records a user change', async () => {
    expect((await trackContractor(db, snap(), T0)).created).toBe(true);
    expect((await getSettings(db)).lastChangeAt).toBe(T0);
    expect((await trackContractor(db, snap(), T0 + 1)).created).toBe(false);
    expect(await db.contractors.count()).toBe(1);
  });
});

describe('updateContractor', () => {
  it('changes only the given fields and records the change', async () => {
    await upsertSnapshot(db, snap({ headline: 'Engines' }), T0);
    const c = await updateContractor(db, KEY, { status: 'shortlisted', tags: ['math'] }, T0 + 5);
    expect(c).toMatchObject({ status: 'shortlisted', tags: ['math'], headline: 'Engines', name: 'Ada Lovelace', updatedAt: T0 + 5 });
    expect(c.nameEditedByUser).toBeUndefined();
    expect(await getContractor(db, KEY)).toEqual(c);
    expect((await getSettings(db)).lastChangeAt).toBe(T0 + 5);
  });

  it('throws not found for an unknown key', async () => {
    await expect(updateContractor(db, 'upwork:nobody', { status: 'avoid' }, T0)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects an invalid patch before writing', async () => {
    await upsertSnapshot(db, snap(), T0);
    await expect(updateContractor(db, KEY, { tags: ['x'.repeat(101)] }, T0 + 1)).rejects.toThrow(/tags/);
    expect((await getContractor(db, KEY))?.tags).toEqual([]);
  });
});

describe('reading', () => {
  beforeEach(async () => {
    await upsertSnapshot(db, snap(), T0);
    await upsertSnapshot(
      db,
      snap({
        key: 'fiverr:bob',
        site: 'fiverr',
        siteId: 'bob',
        name: 'Bob Builder',
        profileUrl: 'https://www.fiverr.com/bob',
        skills: ['Figma'],
      }),
      T0 + 2,
    );
    await upsertSnapshot(
      db,
      snap({ key: 'guru:carol', site: 'guru', siteId: 'carol', name: 'Carol', profileUrl: 'https://www.guru.com/freelancers/carol' }),
      T0 + 1,
    );
    await updateContractor(db, 'guru:carol', { status: 'avoid', tags: ['slow'] }, T0 + 3);
  });

  it('bulk gets known keys and skips unknown ones', async () => {
    const rows = await bulkGetContractors(db, ['fiverr:bob', 'upwork:nobody', KEY, KEY]);
    expect(rows.map((c) => c.key).sort()).toEqual(['fiverr:bob', KEY]);
    expect(await bulkGetContractors(db, [])).toEqual([]);
  });

  it('lists newest seen first, by status, by text, with a limit', async () => {
    expect((await listContractors(db)).map((c) => c.key)).toEqual(['fiverr:bob', 'guru:carol', KEY]);
    expect((await listContractors(db, { status: 'avoid' })).map((c) => c.key)).toEqual(['guru:carol']);
    expect((await listContractors(db, { status: 'prospect' })).map((c) => c.key)).toEqual(['fiverr:bob', KEY]);
    expect((await listContractors(db, { query: 'figma' })).map((c) => c.key)).toEqual(['fiverr:bob']);
    expect((await listContractors(db, { query: 'SLOW' })).map((c) => c.key)).toEqual(['guru:carol']);
    expect((await listContractors(db, { limit: 1 })).map((c) => c.key)).toEqual(['fiverr:bob']);
  });

  it('recent contractors: only viewed profiles, newest viewedAt first, limited', async () => {
    // The beforeEach snapshots were not profile visits: none of them is "recently viewed".
    expect(await recentContractors(db)).toEqual([]);
    await upsertSnapshot(
      db,
      snap({ key: 'fiverr:bob', site: 'fiverr', siteId: 'bob', name: 'Bob Builder', profileUrl: 'https://www.fiverr.com/bob' }),
      T0 + 5,
      { viewed: true },
    );
    await upsertSnapshot(db, snap(), T0 + 10, { viewed: true });
    await upsertSnapshot(
      db,
      snap({ key: 'guru:carol', site: 'guru', siteId: 'carol', name: 'Carol', profileUrl: 'https://www.guru.com/freelancers/carol' }),
      T0 + 20,
    );
    expect((await recentContractors(db, 2)).map((c) => c.key)).toEqual([KEY, 'fiverr:bob']);
    expect((await recentContractors(db)).map((c) => c.key)).toEqual([KEY, 'fiverr:bob']);
    expect((await getContractor(db, KEY))?.viewedAt).toBe(T0 + 10);
    expect((await getContractor(db, 'guru:carol'))?.viewedAt).toBeUndefined();
  });
});

describe('links', () => {
  beforeEach(async () => {
    await upsertSnapshot(db, snap(), T0);
    await upsertSnapshot(db, snap({ key: 'fiverr:ada', site: 'fiverr', siteId: 'ada', profileUrl: 'https://www.fiverr.com/ada' }), T0);
  });

  it('are symmetric and idempotent', async () => {
    await linkContractors(db, KEY, 'fiverr:ada', T0 + 1);
    await linkContractors(db, 'fiverr:ada', KEY, T0 + 2);
    expect((await getContractor(db, KEY))?.links).toEqual(['fiverr:ada']);
    expect((await getContractor(db, 'fiverr:ada'))?.links).toEqual([KEY]);
    await unlinkContractors(db, 'fiverr:ada', KEY, T0 + 3);
    expect((await getContractor(db, KEY))?.links).toEqual([]);
    expect((await getContractor(db, 'fiverr:ada'))?.links).toEqual([]);
  });

  it('refuses self links and unknown contractors', async () => {
    await expect(linkContractors(db, KEY, KEY, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(linkContractors(db, KEY, 'guru:nobody', T0)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getContractor(db, KEY))?.links).toEqual([]);
  });
});

describe('deleteContractor', () => {
  it('removes checks, ratings and their own notes; projects and project notes stay, unlinked', async () => {
    const newId = ids();
    await upsertSnapshot(db, snap(), T0);
    await upsertSnapshot(db, snap({ key: 'fiverr:ada', site: 'fiverr', siteId: 'ada', profileUrl: 'https://www.fiverr.com/ada' }), T0);
    await upsertSnapshot(db, snap({ key: 'guru:other', site: 'guru', siteId: 'other', profileUrl: 'https://www.guru.com/x' }), T0);
    await linkContractors(db, KEY, 'fiverr:ada', T0);
    await setCheck(db, { contractorKey: KEY, itemId: 'interview', state: 'done' }, T0);
    await setCheck(db, { contractorKey: 'guru:other', itemId: 'interview', state: 'done' }, T0);
    const project = await createProject(db, { title: 'Logo', contractorKey: KEY }, T0, newId);
    await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'about Ada' }, T0, newId);
    const projectNote = await saveNote(db, { contractorKey: KEY, projectId: project.id, kind: 'budget', body: 'paid 50%' }, T0, newId);
    await saveNote(db, { contractorKey: 'guru:other', kind: 'general', body: 'other' }, T0, newId);
    await saveRating(
      db,
      undefined,
      { contractorKey: KEY, quality: 5, communication: 5, timeliness: 5, value: 5, wouldRehire: true },
      T0,
      newId,
    );

    expect(await deleteContractor(db, KEY, T0 + 9)).toBe(true);

    expect(await getContractor(db, KEY)).toBeUndefined();
    expect(await db.checks.where('contractorKey').equals(KEY).count()).toBe(0);
    expect(await db.ratings.count()).toBe(0);
    expect((await db.notes.toArray()).map((n) => n.body).sort()).toEqual(['other', 'paid 50%']);
    const kept = await db.notes.get(projectNote.id);
    expect(kept?.contractorKey).toBeUndefined();
    expect(kept?.projectId).toBe(project.id);
    const p = await db.projects.get(project.id);
    expect(p?.title).toBe('Logo');
    expect(p?.contractorKey).toBeUndefined();
    expect((await getContractor(db, 'fiverr:ada'))?.links).toEqual([]);
    expect(await db.checks.count()).toBe(1);
    expect((await getSettings(db)).lastChangeAt).toBe(T0 + 9);
  });

  it('returns false when there is nothing to delete', async () => {
    expect(await deleteContractor(db, 'upwork:nobody', T0)).toBe(false);
  });

  it('also cleans data left under a key without a contractor row', async () => {
    await setCheck(db, { contractorKey: KEY, itemId: 'x', state: 'done' }, T0);
    expect(await deleteContractor(db, KEY, T0)).toBe(true);
    expect(await db.checks.count()).toBe(0);
  });
});
