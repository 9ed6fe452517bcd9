import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { compact, InvalidRecordError, NotFoundError, validate } from '../errors';
import { ProjectSchema, RatingSchema, type Project, type Rating } from '../schema';
import { markChanged } from './settings';

const newest = (a: Rating, b: Rating) => b.createdAt - a.createdAt;

export async function getRating(db: VettedDb, id: string): Promise<Rating | undefined> {
  return db.ratings.get(id);
}

export async function listRatingsByContractor(db: VettedDb, contractorKey: string): Promise<Rating[]> {
  return (await db.ratings.where('contractorKey').equals(contractorKey).toArray()).sort(newest);
}

export async function listRatingsByProject(db: VettedDb, projectId: string): Promise<Rating[]> {
  return (await db.ratings.where('projectId').equals(projectId).toArray()).sort(newest);
}

function groupBy<T>(rows: T[], key: (row: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === undefined) continue;
    const list = out.get(k) ?? [];
    list.push(row);
    out.set(k, list);
  }
  return out;
}

export async function ratingsByContractor(db: VettedDb, keys: readonly string[]): Promise<Map<string, Rating[]>> {
  if (keys.length === 0) return new Map();
  return groupBy((await whereAnyOf(db.ratings, 'contractorKey', keys)).sort(newest), (r) => r.contractorKey);
}

export async function ratingsByProject(db: VettedDb, projectIds: readonly string[]): Promise<Map<string, Rating[]>> {
  if (projectIds.length === 0) return new Map();
  return groupBy((await whereAnyOf(db.ratings, 'projectId', projectIds)).sort(newest), (r) => r.projectId);
}

/** Every rating grouped by contractor (the "hire again" list; ratings are few). */
export async function allRatingsByContractor(db: VettedDb): Promise<Map<string, Rating[]>> {
  return groupBy((await db.ratings.toArray()).sort(newest), (r) => r.contractorKey);
}

export type RatingInput = Omit<Rating, 'id' | 'createdAt' | 'updatedAt'>;

export interface SaveRatingResult {
  rating: Rating;
  /** The project this rating completed, when it did. */
  completedProject?: Project;
}

/**
 * Creates or edits a rating. Rating a project is how it is completed: a planned, active or paused
 * project becomes 'completed' in the same transaction (and takes the contractor when it had none).
 */
export async function saveRating(
  db: VettedDb,
  id: string | undefined,
  input: RatingInput,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
  createId?: string,
): Promise<SaveRatingResult> {
  return db.transaction('rw', db.ratings, db.projects, db.settings, async () => {
    let completedProject: Project | undefined;
    if (input.projectId) {
      const project = await db.projects.get(input.projectId);
      if (!project) throw new NotFoundError('The project of this rating was deleted.');
      if (project.contractorKey && project.contractorKey !== input.contractorKey) {
        throw new InvalidRecordError('This project is with another contractor.');
      }
      const changes: Partial<Project> = {};
      if (!project.contractorKey) changes.contractorKey = input.contractorKey;
      if (project.status !== 'completed' && project.status !== 'cancelled') {
        changes.status = 'completed';
        changes.completedAt = now;
      }
      if (Object.keys(changes).length > 0) {
        changes.updatedAt = now;
        completedProject = validate(ProjectSchema, { ...project, ...changes }, 'project');
        await db.projects.update(project.id, changes);
      }
    }
    // A retried create (issue 12) finds the rating its first attempt stored and saves over it.
    const current = id ? await db.ratings.get(id) : createId ? await db.ratings.get(createId) : undefined;
    if (id && !current) throw new NotFoundError('This rating was deleted in another window.');
    let rating: Rating;
    if (current) {
      const changes = { ...input, comment: input.comment || undefined, updatedAt: now };
      rating = validate(RatingSchema, compact({ ...current, ...changes }), 'rating');
      await db.ratings.update(current.id, changes);
    } else {
      rating = validate(
        RatingSchema,
        compact({ ...input, comment: input.comment || undefined, id: createId ?? newId(), createdAt: now, updatedAt: now }),
        'rating',
      );
      await db.ratings.add(rating);
    }
    await markChanged(db, now);
    return { rating, completedProject };
  });
}

export async function deleteRating(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.ratings, db.settings, async () => {
    if (!(await db.ratings.get(id))) return false;
    await db.ratings.delete(id);
    await markChanged(db, now);
    return true;
  });
}
