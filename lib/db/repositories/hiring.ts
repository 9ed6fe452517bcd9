/**
 * Projects and the contractor they hire, written together: a project made active marks its
 * contractor hired (lib/domain/hiring.ts), and a project for "someone new" tracks that person in the
 * same transaction, so a failed save never leaves half of it behind.
 */
import type { VettedDb } from '../database';
import type { ProfileSnapshot, Project } from '../schema';
import { statusFromProject } from '../../domain/hiring';
import { getContractor, trackContractor, updateContractor } from './contractors';
import type { ProjectPatch } from '../../messaging/protocol';
import { createProject, updateProject, type NewProject } from './projects';

async function markHired(db: VettedDb, project: Project, now: number): Promise<void> {
  if (!project.contractorKey) return;
  const contractor = await getContractor(db, project.contractorKey);
  const status = contractor && statusFromProject(project, contractor.status);
  if (status) await updateContractor(db, project.contractorKey, { status }, now);
}

/** A new project; with `newContractor`, that person is tracked first and becomes its contractor. */
export async function startProject(
  db: VettedDb,
  input: NewProject,
  now: number,
  newContractor?: ProfileSnapshot,
  /** The page's id for this create: a retry after a lost reply stores it once. */
  createId?: string,
): Promise<Project> {
  return db.transaction('rw', [db.projects, db.contractors, db.settings], async () => {
    const fields = newContractor ? { ...input, contractorKey: (await trackContractor(db, newContractor, now)).contractor.key } : input;
    const project = await createProject(db, fields, now, undefined, createId);
    await markHired(db, project, now);
    return project;
  });
}

/** With `baseUpdatedAt`, a save made from an older copy is refused (ChangedElsewhereError). */
export async function saveProject(db: VettedDb, id: string, patch: ProjectPatch, now: number, baseUpdatedAt?: number): Promise<Project> {
  return db.transaction('rw', [db.projects, db.milestones, db.payments, db.contractors, db.settings], async () => {
    const project = await updateProject(db, id, patch, now, baseUpdatedAt);
    await markHired(db, project, now);
    return project;
  });
}
