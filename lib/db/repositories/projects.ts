import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { compact, NotFoundError, refuseStale, validate } from '../errors';
import { ProjectSchema, type Contract, type Project, type ProjectStatus } from '../schema';
import type { ContractPatch, ProjectPatch } from '../../messaging/protocol';
import { getSettings, markChanged } from './settings';
import { closeMilestones } from '../../domain/milestone-payments';

export async function getProject(db: VettedDb, id: string): Promise<Project | undefined> {
  return db.projects.get(id);
}

export async function bulkGetProjects(db: VettedDb, ids: readonly string[]): Promise<Project[]> {
  if (ids.length === 0) return [];
  return (await db.projects.bulkGet([...new Set(ids)])).filter((p): p is Project => p !== undefined);
}

export interface ProjectQuery {
  status?: readonly ProjectStatus[];
  contractorKey?: string;
}

/** Newest first. Uses the status or contractorKey index. */
export async function listProjects(db: VettedDb, q: ProjectQuery = {}): Promise<Project[]> {
  let rows: Project[];
  if (q.contractorKey) {
    rows = await db.projects.where('contractorKey').equals(q.contractorKey).toArray();
    if (q.status) rows = rows.filter((p) => q.status!.includes(p.status));
  } else if (q.status) {
    rows = await whereAnyOf(db.projects, 'status', q.status);
  } else {
    rows = await db.projects.toArray();
  }
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

/** Turns PATCH fields into a Dexie change set: null clears (undefined deletes the field). */
function toChanges(patch: ProjectPatch): Partial<Project> {
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || k === 'contract') continue;
    changes[k] = v === null ? undefined : v;
  }
  return changes as Partial<Project>;
}

/**
 * Contract fields are merged one by one, so two views editing different fields both win. A field
 * sent as null (or an emptied text) is removed: that is how a signed date is cleared.
 */
function mergeContract(current: Contract, patch: ContractPatch | undefined): Contract {
  if (!patch) return current;
  const merged: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null || v === '') delete merged[k];
    else merged[k] = v;
  }
  return merged as Contract;
}

function statusSideEffects(current: Project | undefined, status: ProjectStatus | undefined, now: number): Partial<Project> {
  if (!status || status === current?.status) return {};
  if (status === 'completed') return { completedAt: now };
  return current?.completedAt !== undefined ? { completedAt: undefined } : {};
}

export type NewProject = ProjectPatch & { title: string };

export async function createProject(
  db: VettedDb,
  input: NewProject,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  createId?: string,
): Promise<Project> {
  return db.transaction('rw', db.projects, db.settings, async () => {
    // A retried create (issue 12: the reply was lost) finds the project its first attempt stored.
    const retried = createId ? await db.projects.get(createId) : undefined;
    if (retried) return retried;
    const settings = await getSettings(db);
    const project = validate(
      ProjectSchema,
      compact({
        status: 'active',
        paymentModel: 'fixed',
        currency: settings.defaultCurrency,
        ...toChanges(input),
        ...statusSideEffects(undefined, input.status ?? 'active', now),
        contract: mergeContract({}, input.contract),
        id: createId ?? newId(),
        createdAt: now,
        updatedAt: now,
      }),
      'project',
    );
    await db.projects.add(project);
    await markChanged(db, now);
    return project;
  });
}

/** PATCH: only the given fields change; null clears a field. */
export async function updateProject(db: VettedDb, id: string, patch: ProjectPatch, now: number, baseUpdatedAt?: number): Promise<Project> {
  return db.transaction('rw', [db.projects, db.milestones, db.payments, db.settings], async () => {
    const current = await db.projects.get(id);
    if (!current) throw new NotFoundError('This project was deleted in another window.');
    refuseStale(current, baseUpdatedAt, 'project');
    const changes: Partial<Project> = {
      ...toChanges(patch),
      ...statusSideEffects(current, patch.status, now),
      updatedAt: now,
    };
    if (patch.contract) changes.contract = mergeContract(current.contract, patch.contract);
    const project = validate(ProjectSchema, compact({ ...current, ...changes }), 'project');
    await db.projects.update(id, changes);
    if (patch.status === 'completed' && current.status !== 'completed') {
      // Completing a project closes its milestones (paid in full: paid; other open ones: approved).
      const milestones = await db.milestones.where('projectId').equals(id).toArray();
      const payments = await db.payments.where('projectId').equals(id).toArray();
      for (const { id: mid, status } of closeMilestones(milestones, payments, project.currency)) {
        const m = milestones.find((x) => x.id === mid)!;
        await db.milestones.update(mid, { status, completedAt: m.completedAt ?? now, updatedAt: now });
      }
    }
    await markChanged(db, now);
    return project;
  });
}

/** Records a contact with the contractor (default now). Never moves lastContactAt backwards. */
export async function logCheckIn(db: VettedDb, id: string, at: number, now: number): Promise<Project> {
  return db.transaction('rw', db.projects, db.settings, async () => {
    const current = await db.projects.get(id);
    if (!current) throw new NotFoundError('This project was deleted in another window.');
    const lastContactAt = Math.max(at, current.lastContactAt ?? 0);
    const project = validate(ProjectSchema, { ...current, lastContactAt, updatedAt: now }, 'project');
    await db.projects.update(id, { lastContactAt, updatedAt: now });
    await markChanged(db, now);
    return project;
  });
}

/**
 * Deletes a project with its milestones and payments. Notes that are also about the contractor
 * and ratings stay with the contractor (your judgement of a person outlives the project record).
 */
export async function deleteProject(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', [db.projects, db.milestones, db.payments, db.notes, db.ratings, db.settings], async () => {
    if (!(await db.projects.get(id))) return false;
    await db.milestones.where('projectId').equals(id).delete();
    await db.payments.where('projectId').equals(id).delete();
    await db.notes
      .where('projectId')
      .equals(id)
      .filter((n) => n.contractorKey === undefined)
      .delete();
    await db.notes
      .where('projectId')
      .equals(id)
      .modify((n) => {
        delete n.projectId;
        n.updatedAt = now;
      });
    await db.ratings
      .where('projectId')
      .equals(id)
      .modify((r) => {
        delete r.projectId;
        r.updatedAt = now;
      });
    await db.projects.delete(id);
    await markChanged(db, now);
    return true;
  });
}
