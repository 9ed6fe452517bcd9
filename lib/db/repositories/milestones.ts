import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { compact, InvalidRecordError, NotFoundError, refuseStale, validate, type SaveGuard } from '../errors';
import { MilestoneSchema, type Milestone, type MilestoneStatus } from '../schema';
import { markChanged } from './settings';

/** Due date first (undated last), then creation order. */
function byDue(a: Milestone, b: Milestone): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === undefined) return 1;
    if (b.dueDate === undefined) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.createdAt - b.createdAt;
}

export async function getMilestone(db: VettedDb, id: string): Promise<Milestone | undefined> {
  return db.milestones.get(id);
}

export async function listMilestones(db: VettedDb, projectId: string): Promise<Milestone[]> {
  return (await db.milestones.where('projectId').equals(projectId).toArray()).sort(byDue);
}

export async function milestonesByProject(db: VettedDb, projectIds: readonly string[]): Promise<Map<string, Milestone[]>> {
  const out = new Map<string, Milestone[]>();
  if (projectIds.length === 0) return out;
  for (const m of (await whereAnyOf(db.milestones, 'projectId', projectIds)).sort(byDue)) {
    const list = out.get(m.projectId) ?? [];
    list.push(m);
    out.set(m.projectId, list);
  }
  return out;
}

export interface MilestonePatch {
  title?: string;
  dueDate?: string | null;
  amountMinor?: number | null;
  status?: MilestoneStatus;
}

const DONE: readonly MilestoneStatus[] = ['approved', 'paid'];

/** Creates (no id) or partially updates a milestone; null clears a field. */
export async function saveMilestone(
  db: VettedDb,
  projectId: string,
  id: string | undefined,
  patch: MilestonePatch,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  guard: SaveGuard = {},
): Promise<Milestone> {
  return db.transaction('rw', db.milestones, db.projects, db.settings, async () => {
    if (!(await db.projects.get(projectId))) throw new NotFoundError('This project was deleted in another window.');
    // A retried create (issue 12) finds the milestone its first attempt stored and saves over it.
    const retried = !id && guard.createId ? await db.milestones.get(guard.createId) : undefined;
    const current = id ? await db.milestones.get(id) : retried;
    if (id && !current) throw new NotFoundError('This milestone was deleted in another window.');
    if (id) refuseStale(current, guard.baseUpdatedAt, 'milestone');
    if (current && current.projectId !== projectId) throw new InvalidRecordError('This milestone belongs to another project.');
    const changes: Record<string, unknown> = { updatedAt: now };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) changes[k] = v === null ? undefined : v;
    if (patch.status && patch.status !== current?.status) {
      const wasDone = current ? DONE.includes(current.status) : false;
      if (DONE.includes(patch.status) && !wasDone) changes.completedAt = now;
      if (!DONE.includes(patch.status)) changes.completedAt = undefined;
    }
    let milestone: Milestone;
    if (current) {
      milestone = validate(MilestoneSchema, compact({ ...current, ...changes }), 'milestone');
      await db.milestones.update(current.id, changes);
    } else {
      if (patch.title === undefined) throw new InvalidRecordError('A new milestone needs a title.');
      milestone = validate(
        MilestoneSchema,
        compact({ status: 'pending', ...changes, id: guard.createId ?? newId(), projectId, createdAt: now }),
        'milestone',
      );
      await db.milestones.add(milestone);
    }
    await markChanged(db, now);
    return milestone;
  });
}

/** Deletes a milestone; payments made against it stay in the ledger, unlinked. */
export async function deleteMilestone(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.milestones, db.payments, db.settings, async () => {
    const current = await db.milestones.get(id);
    if (!current) return false;
    await db.payments
      .where('projectId')
      .equals(current.projectId)
      .filter((p) => p.milestoneId === id)
      .modify((p) => {
        delete p.milestoneId;
        p.updatedAt = now;
      });
    await db.milestones.delete(id);
    await markChanged(db, now);
    return true;
  });
}
