/**
 * Two views editing the same record (overlay and side panel) never lose an update: every write is
 * a partial update of the fields it changes, inside a transaction, never a put of a stale copy.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VettedDb } from '../../../lib/db/database';
import { getContractor, updateContractor, upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { createProject, getProject, updateProject, logCheckIn } from '../../../lib/db/repositories/projects';
import { setCheck, listChecks } from '../../../lib/db/repositories/checks';
import { getSettings, updateSettings } from '../../../lib/db/repositories/settings';
import { makeHarness, senders } from '../background/harness';
import { snap, T0 } from './helpers';

const KEY = 'upwork:~01abc';
let name: string;
let a: VettedDb;
let b: VettedDb;
let counter = 0;

beforeEach(async () => {
  name = `vetted-concurrency-${Date.now()}-${++counter}`;
  // Two connections to one database: two contexts writing at the same time.
  a = openDb(name);
  b = openDb(name);
  await upsertSnapshot(a, snap({ headline: 'Engines' }), T0);
});

describe('concurrent partial updates to the same contractor', () => {
  it('both survive: name from one context, status and tags from the other', async () => {
    await Promise.all([
      updateContractor(a, KEY, { name: 'Ada (overlay)' }, T0 + 1),
      updateContractor(b, KEY, { status: 'shortlisted', tags: ['math'] }, T0 + 1),
    ]);
    expect(await getContractor(a, KEY)).toMatchObject({
      name: 'Ada (overlay)',
      nameEditedByUser: true,
      status: 'shortlisted',
      tags: ['math'],
      headline: 'Engines',
    });
  });

  it('a page snapshot arriving during a status change keeps both', async () => {
    await Promise.all([
      upsertSnapshot(a, snap({ headline: 'Now with Rust', rate: { amountMinor: 9500, currency: 'USD', unit: 'hour' } }), T0 + 2),
      updateContractor(b, KEY, { status: 'hired' }, T0 + 2),
    ]);
    const c = await getContractor(b, KEY);
    expect(c).toMatchObject({ status: 'hired', headline: 'Now with Rust', rate: { amountMinor: 9500 } });
    expect(c?.history).toHaveLength(2);
  });

  it('many interleaved writers from both contexts all land', async () => {
    const writes = Array.from({ length: 20 }, (_, i) =>
      setCheck(
        i % 2 ? a : b,
        { contractorKey: KEY, itemId: `item-${i % 5}`, ...(i < 10 ? { state: 'done' as const } : { note: `note ${i}` }) },
        T0 + i,
      ),
    );
    await Promise.all(writes);
    const checks = await listChecks(a, KEY);
    expect(checks).toHaveLength(5);
    for (const c of checks) {
      expect(c.state).toBe('done');
      expect(c.note).toMatch(/^note /);
    }
  });

  it('control: a whole-record put from a stale copy would have lost the other update', async () => {
    const stale = (await getContractor(a, KEY))!;
    await updateContractor(b, KEY, { status: 'avoid' }, T0 + 1);
    await a.contractors.put({ ...stale, name: 'Stale writer' });
    expect((await getContractor(a, KEY))?.status).toBe('prospect'); // what partial updates prevent
  });
});

describe('concurrent partial updates to the same project and settings', () => {
  it('budget from the side panel and status + check-in from the popup both survive', async () => {
    const p = await createProject(a, { title: 'Site', contract: { expectations: 'Fast' } }, T0);
    await Promise.all([
      updateProject(a, p.id, { budgetMinor: 900_00, contract: { deliverables: 'Code' } }, T0 + 1),
      updateProject(b, p.id, { status: 'paused', contract: { paymentSchedule: 'Monthly' } }, T0 + 1),
      logCheckIn(b, p.id, T0 + 5, T0 + 5),
    ]);
    expect(await getProject(a, p.id)).toMatchObject({
      budgetMinor: 900_00,
      status: 'paused',
      lastContactAt: T0 + 5,
      contract: { expectations: 'Fast', deliverables: 'Code', paymentSchedule: 'Monthly' },
    });
  });

  it('clearing the signed date in one view and editing deliverables in another both survive', async () => {
    const p = await createProject(a, { title: 'Site', contract: { signedAt: '2026-11-02', expectations: 'Fast' } }, T0);
    await Promise.all([
      updateProject(a, p.id, { contract: { signedAt: null } }, T0 + 1),
      updateProject(b, p.id, { contract: { deliverables: 'Code' } }, T0 + 1),
    ]);
    expect((await getProject(a, p.id))?.contract).toEqual({ expectations: 'Fast', deliverables: 'Code' });
  });

  it('settings edited in two places keep both fields', async () => {
    await Promise.all([updateSettings(a, { notifications: true }, T0), updateSettings(b, { dueSoonDays: 6 }, T0)]);
    expect(await getSettings(a)).toMatchObject({ notifications: true, dueSoonDays: 6 });
  });
});

describe('through the router, from the overlay and the side panel at once', () => {
  it('both updates survive', async () => {
    const h = makeHarness();
    await h.ok('reportPage', { site: 'upwork', profile: snap() }, senders.content());
    const [r1, r2] = await Promise.all([
      h.call('updateContractor', { key: KEY, patch: { tags: ['react'] } }, senders.overlay()),
      h.call('updateContractor', { key: KEY, patch: { status: 'shortlisted' } }, senders.sidepanel()),
    ]);
    expect(r1.ok && r2.ok).toBe(true);
    expect((await h.ok('getContractor', { key: KEY }))?.contractor).toMatchObject({ tags: ['react'], status: 'shortlisted' });
  });
});
