import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import {
  bulkGetProjects,
  createProject,
  deleteProject,
  getProject,
  listProjects,
  logCheckIn,
  updateProject,
} from '../../../lib/db/repositories/projects';
import { deleteMilestone, getMilestone, listMilestones, milestonesByProject, saveMilestone } from '../../../lib/db/repositories/milestones';
import { deletePayment, getPayment, listPayments, paymentsByProject, savePayment } from '../../../lib/db/repositories/payments';
import { saveNote } from '../../../lib/db/repositories/notes';
import { saveRating } from '../../../lib/db/repositories/ratings';
import { getSettings, updateSettings } from '../../../lib/db/repositories/settings';
import { InvalidRecordError, NotFoundError } from '../../../lib/db/errors';
import { freshDb, ids, T0 } from './helpers';

const KEY = 'upwork:~01abc';
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('projects', () => {
  it('creates with defaults (active, fixed, the default currency, empty contract)', async () => {
    await updateSettings(db, { defaultCurrency: 'EUR' }, T0 - 1);
    const p = await createProject(db, { title: 'Logo', contractorKey: KEY, budgetMinor: 500_00, deadline: null }, T0, ids('p'));
    expect(p).toEqual({
      id: 'p-1',
      title: 'Logo',
      contractorKey: KEY,
      status: 'active',
      paymentModel: 'fixed',
      currency: 'EUR',
      budgetMinor: 500_00,
      contract: {},
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await getProject(db, 'p-1')).toEqual(p);
    expect((await getSettings(db)).lastChangeAt).toBe(T0);
  });

  it('creating a completed project stamps completedAt', async () => {
    expect((await createProject(db, { title: 'Old job', status: 'completed' }, T0)).completedAt).toBe(T0);
  });

  it('clears a signed date (null) and emptied contract texts, keeping the other contract fields', async () => {
    const p = await createProject(
      db,
      { title: 'Site', contract: { signedAt: '2026-11-02', expectations: 'Responsive', deliverables: 'Figma' } },
      T0,
    );
    const updated = await updateProject(db, p.id, { contract: { signedAt: null, deliverables: '' } }, T0 + 1);
    expect(updated.contract).toEqual({ expectations: 'Responsive' });
    expect((await getProject(db, p.id))?.contract).toEqual({ expectations: 'Responsive' });
    // A later partial update that does not mention the date leaves it cleared.
    await updateProject(db, p.id, { contract: { paymentSchedule: 'Monthly' } }, T0 + 2);
    expect((await getProject(db, p.id))?.contract).toEqual({ expectations: 'Responsive', paymentSchedule: 'Monthly' });
    // And a date can be set again.
    await updateProject(db, p.id, { contract: { signedAt: '2026-11-20' } }, T0 + 3);
    expect((await getProject(db, p.id))?.contract.signedAt).toBe('2026-11-20');
  });

  it('a new project never stores a null contract field', async () => {
    const p = await createProject(db, { title: 'Site', contract: { signedAt: null, expectations: 'Fast' } }, T0);
    expect(p.contract).toEqual({ expectations: 'Fast' });
  });

  it('PATCH: given fields change, null clears, contract fields merge', async () => {
    const p = await createProject(
      db,
      { title: 'Site', budgetMinor: 100, deadline: '2026-12-24', contract: { expectations: 'Responsive', deliverables: 'Figma' } },
      T0,
    );
    const updated = await updateProject(db, p.id, { budgetMinor: null, checkInDays: 7, contract: { deliverables: 'Code' } }, T0 + 1);
    expect(updated).toEqual({
      ...p,
      checkInDays: 7,
      contract: { expectations: 'Responsive', deliverables: 'Code' },
      budgetMinor: undefined,
      updatedAt: T0 + 1,
    } satisfies typeof p);
    const stored = await getProject(db, p.id);
    expect(stored).not.toHaveProperty('budgetMinor');
    expect(stored).toMatchObject({ deadline: '2026-12-24', checkInDays: 7 });
  });

  it('completing stamps completedAt; reopening clears it', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    expect((await updateProject(db, p.id, { status: 'completed' }, T0 + 1)).completedAt).toBe(T0 + 1);
    expect((await updateProject(db, p.id, { status: 'completed' }, T0 + 2)).completedAt).toBe(T0 + 1);
    await updateProject(db, p.id, { status: 'active' }, T0 + 3);
    expect(await getProject(db, p.id)).not.toHaveProperty('completedAt');
  });

  it('refuses an invalid patch or an unknown project without writing', async () => {
    const p = await createProject(db, { title: 'x', paymentModel: 'hourly' }, T0);
    await expect(updateProject(db, p.id, { estimatedHours: -1 } as never, T0)).rejects.toThrow(/estimatedHours/);
    await expect(updateProject(db, 'nope', { title: 'y' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getProject(db, p.id)).toEqual(p);
  });

  it('lists by status and contractor, newest first; bulk gets', async () => {
    const newId = ids('p');
    await createProject(db, { title: 'a', contractorKey: KEY }, T0, newId);
    await createProject(db, { title: 'b', status: 'paused' }, T0 + 1, newId);
    await createProject(db, { title: 'c', contractorKey: KEY, status: 'completed' }, T0 + 2, newId);
    expect((await listProjects(db)).map((p) => p.title)).toEqual(['c', 'b', 'a']);
    expect((await listProjects(db, { status: ['active', 'paused'] })).map((p) => p.title)).toEqual(['b', 'a']);
    expect((await listProjects(db, { status: [] })).map((p) => p.title)).toEqual([]);
    expect((await listProjects(db, { contractorKey: KEY })).map((p) => p.title)).toEqual(['c', 'a']);
    expect((await listProjects(db, { contractorKey: KEY, status: ['active'] })).map((p) => p.title)).toEqual(['a']);
    expect((await bulkGetProjects(db, ['p-1', 'p-9', 'p-3'])).map((p) => p.title).sort()).toEqual(['a', 'c']);
    expect(await bulkGetProjects(db, [])).toEqual([]);
  });

  it('logs a check-in and never moves it backwards', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    expect((await logCheckIn(db, p.id, T0 + 100, T0 + 100)).lastContactAt).toBe(T0 + 100);
    expect((await logCheckIn(db, p.id, T0 + 50, T0 + 200)).lastContactAt).toBe(T0 + 100);
    await expect(logCheckIn(db, 'nope', T0, T0)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deleting removes milestones and payments; notes about the contractor and ratings stay', async () => {
    const newId = ids('x');
    const p = await createProject(db, { title: 'x', contractorKey: KEY }, T0, newId);
    const keepMe = await createProject(db, { title: 'other' }, T0, newId);
    await saveMilestone(db, p.id, undefined, { title: 'M' }, T0, newId);
    await savePayment(db, p.id, undefined, { amountMinor: 10, paidAt: '2026-11-01' }, T0, newId);
    await savePayment(db, keepMe.id, undefined, { amountMinor: 10, paidAt: '2026-11-01' }, T0, newId);
    await saveNote(db, { projectId: p.id, kind: 'budget', body: 'project only' }, T0, newId);
    const both = await saveNote(db, { projectId: p.id, contractorKey: KEY, kind: 'negotiation', body: 'both' }, T0, newId);
    const { rating } = await saveRating(
      db,
      undefined,
      { contractorKey: KEY, projectId: p.id, quality: 4, communication: 4, timeliness: 4, value: 4, wouldRehire: true },
      T0,
      newId,
    );

    expect(await deleteProject(db, p.id, T0 + 1)).toBe(true);
    expect(await getProject(db, p.id)).toBeUndefined();
    expect(await db.milestones.count()).toBe(0);
    expect((await db.payments.toArray()).map((x) => x.projectId)).toEqual([keepMe.id]);
    expect((await db.notes.toArray()).map((n) => n.body)).toEqual(['both']);
    expect(await db.notes.get(both.id)).not.toHaveProperty('projectId');
    expect(await db.ratings.get(rating.id)).not.toHaveProperty('projectId');
    expect(await deleteProject(db, p.id, T0 + 2)).toBe(false);
  });
});

describe('milestones', () => {
  it('creates (pending), updates partially, stamps completion, clears with null', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const m = await saveMilestone(db, p.id, undefined, { title: 'Draft', dueDate: '2026-12-01', amountMinor: 300 }, T0, ids('m'));
    expect(m).toEqual({
      id: 'm-1',
      projectId: p.id,
      title: 'Draft',
      dueDate: '2026-12-01',
      amountMinor: 300,
      status: 'pending',
      createdAt: T0,
      updatedAt: T0,
    });
    const approved = await saveMilestone(db, p.id, m.id, { status: 'approved', dueDate: null }, T0 + 1);
    expect(approved).toEqual({ ...m, status: 'approved', dueDate: undefined, completedAt: T0 + 1, updatedAt: T0 + 1 } satisfies typeof m);
    expect((await saveMilestone(db, p.id, m.id, { status: 'paid' }, T0 + 2)).completedAt).toBe(T0 + 1);
    expect(await getMilestone(db, m.id)).not.toHaveProperty('dueDate');
    await saveMilestone(db, p.id, m.id, { status: 'in-progress' }, T0 + 3);
    expect(await getMilestone(db, m.id)).not.toHaveProperty('completedAt');
  });

  it('refuses without a title, on a missing project, on another project', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const q = await createProject(db, { title: 'y' }, T0);
    await expect(saveMilestone(db, p.id, undefined, { dueDate: '2026-01-01' }, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(saveMilestone(db, 'nope', undefined, { title: 'a' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    const m = await saveMilestone(db, p.id, undefined, { title: 'a' }, T0);
    await expect(saveMilestone(db, q.id, m.id, { title: 'b' }, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(saveMilestone(db, p.id, 'gone', { title: 'b' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getMilestone(db, m.id))?.title).toBe('a');
  });

  it('lists by due date (undated last) and groups by project', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const newId = ids('m');
    await saveMilestone(db, p.id, undefined, { title: 'later', dueDate: '2026-12-20' }, T0, newId);
    await saveMilestone(db, p.id, undefined, { title: 'undated' }, T0, newId);
    await saveMilestone(db, p.id, undefined, { title: 'sooner', dueDate: '2026-12-02' }, T0, newId);
    expect((await listMilestones(db, p.id)).map((m) => m.title)).toEqual(['sooner', 'later', 'undated']);
    expect((await milestonesByProject(db, [p.id, 'none'])).get(p.id)?.map((m) => m.title)).toEqual(['sooner', 'later', 'undated']);
    expect((await milestonesByProject(db, [])).size).toBe(0);
  });

  it('deleting a milestone keeps its payments, unlinked', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const m = await saveMilestone(db, p.id, undefined, { title: 'a' }, T0);
    const pay = await savePayment(db, p.id, undefined, { amountMinor: 5, paidAt: '2026-11-02', milestoneId: m.id }, T0);
    expect(await deleteMilestone(db, m.id, T0 + 1)).toBe(true);
    expect(await deleteMilestone(db, m.id, T0 + 1)).toBe(false);
    expect(await getPayment(db, pay.id)).not.toHaveProperty('milestoneId');
  });
});

describe('payments', () => {
  it("creates in the project's currency, updates partially, clears the note", async () => {
    const p = await createProject(db, { title: 'x', currency: 'GBP' }, T0);
    const pay = await savePayment(db, p.id, undefined, { amountMinor: 12_50, paidAt: '2026-11-03', note: 'deposit' }, T0, ids('pay'));
    expect(pay).toEqual({
      id: 'pay-1',
      projectId: p.id,
      amountMinor: 12_50,
      currency: 'GBP',
      paidAt: '2026-11-03',
      note: 'deposit',
      createdAt: T0,
      updatedAt: T0,
    });
    const edited = await savePayment(db, p.id, pay.id, { amountMinor: 13_00, note: null }, T0 + 1);
    expect(edited).toEqual({ ...pay, amountMinor: 13_00, note: undefined, updatedAt: T0 + 1 } satisfies typeof pay);
    expect(await getPayment(db, pay.id)).not.toHaveProperty('note');
  });

  it('needs an amount and a date; the milestone must be in the project', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const q = await createProject(db, { title: 'y' }, T0);
    const otherMilestone = await saveMilestone(db, q.id, undefined, { title: 'm' }, T0);
    await expect(savePayment(db, p.id, undefined, { paidAt: '2026-11-03' }, T0)).rejects.toThrow(/amountMinor/);
    await expect(savePayment(db, p.id, undefined, { amountMinor: 1 }, T0)).rejects.toThrow(/paidAt/);
    await expect(
      savePayment(db, p.id, undefined, { amountMinor: 1, paidAt: '2026-11-03', milestoneId: otherMilestone.id }, T0),
    ).rejects.toThrow(/milestoneId/);
    await expect(savePayment(db, 'nope', undefined, { amountMinor: 1, paidAt: '2026-11-03' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.payments.count()).toBe(0);
  });

  it('lists oldest first, groups by project, deletes', async () => {
    const p = await createProject(db, { title: 'x' }, T0);
    const newId = ids('pay');
    await savePayment(db, p.id, undefined, { amountMinor: 2, paidAt: '2026-11-05' }, T0, newId);
    await savePayment(db, p.id, undefined, { amountMinor: 1, paidAt: '2026-11-01' }, T0, newId);
    expect((await listPayments(db, p.id)).map((x) => x.amountMinor)).toEqual([1, 2]);
    expect((await paymentsByProject(db, [p.id])).get(p.id)?.length).toBe(2);
    expect((await paymentsByProject(db, [])).size).toBe(0);
    expect(await deletePayment(db, 'pay-1', T0)).toBe(true);
    expect(await deletePayment(db, 'pay-1', T0)).toBe(false);
    expect(await db.payments.count()).toBe(1);
  });
});

describe('milestones and payments agree (issue 14)', () => {
  it('a payment for a milestone’s full amount moves it to paid; a partial one does not', async () => {
    const p = await createProject(db, { title: 'Site', paymentModel: 'milestones', currency: 'USD' }, T0, ids('p'));
    const w = await saveMilestone(db, p.id, undefined, { title: 'Wireframes', amountMinor: 450_00, dueDate: '2026-11-25' }, T0);
    const d = await saveMilestone(db, p.id, undefined, { title: 'Design', amountMinor: 600_00 }, T0);
    await savePayment(db, p.id, undefined, { milestoneId: w.id, amountMinor: 450_00, paidAt: '2026-11-26' }, T0 + 1);
    await savePayment(db, p.id, undefined, { milestoneId: d.id, amountMinor: 100_00, paidAt: '2026-11-26' }, T0 + 2);
    expect(await getMilestone(db, w.id)).toMatchObject({ status: 'paid', completedAt: T0 + 1 });
    expect((await getMilestone(db, d.id))?.status).toBe('pending');
    await savePayment(db, p.id, undefined, { milestoneId: d.id, amountMinor: 500_00, paidAt: '2026-11-27' }, T0 + 3);
    expect((await getMilestone(db, d.id))?.status).toBe('paid');
  });

  it('completing a project closes its milestones', async () => {
    const p = await createProject(db, { title: 'Site', paymentModel: 'milestones', currency: 'USD' }, T0, ids('p'));
    const a = await saveMilestone(db, p.id, undefined, { title: 'A', amountMinor: 100_00, status: 'approved' }, T0);
    const b = await saveMilestone(db, p.id, undefined, { title: 'B', amountMinor: 100_00 }, T0);
    await savePayment(db, p.id, undefined, { amountMinor: 100_00, paidAt: '2026-11-26' }, T0); // unlinked
    await db.payments.add({
      id: 'x',
      projectId: p.id,
      milestoneId: a.id,
      amountMinor: 100_00,
      currency: 'USD',
      paidAt: '2026-11-26',
      createdAt: T0,
      updatedAt: T0,
    });
    await updateProject(db, p.id, { status: 'completed' }, T0 + 10);
    expect((await getMilestone(db, a.id))?.status).toBe('paid');
    expect(await getMilestone(db, b.id)).toMatchObject({ status: 'approved', completedAt: T0 + 10 });
  });
});
