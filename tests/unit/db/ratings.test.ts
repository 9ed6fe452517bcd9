import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import {
  allRatingsByContractor,
  deleteRating,
  getRating,
  listRatingsByContractor,
  listRatingsByProject,
  ratingsByContractor,
  ratingsByProject,
  saveRating,
  type RatingInput,
} from '../../../lib/db/repositories/ratings';
import { createProject, getProject } from '../../../lib/db/repositories/projects';
import { InvalidRecordError, NotFoundError } from '../../../lib/db/errors';
import { freshDb, ids, T0 } from './helpers';

const KEY = 'upwork:~01abc';
const good: RatingInput = { contractorKey: KEY, quality: 5, communication: 4, timeliness: 4, value: 5, wouldRehire: true };
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('saveRating', () => {
  it('creates and edits a rating', async () => {
    const { rating } = await saveRating(db, undefined, { ...good, comment: 'Great' }, T0, ids('r'));
    expect(rating).toEqual({ ...good, comment: 'Great', id: 'r-1', createdAt: T0, updatedAt: T0 });
    const { rating: edited } = await saveRating(db, rating.id, { ...good, quality: 3, comment: '' }, T0 + 1);
    expect(edited).toEqual({ ...good, quality: 3, id: 'r-1', createdAt: T0, updatedAt: T0 + 1 });
    expect(await getRating(db, 'r-1')).toEqual(edited);
  });

  it('rating a project completes it and gives it the contractor', async () => {
    const project = await createProject(db, { title: 'Logo' }, T0, ids('p'));
    const { completedProject } = await saveRating(db, undefined, { ...good, projectId: project.id }, T0 + 7);
    expect(completedProject).toMatchObject({ status: 'completed', completedAt: T0 + 7, contractorKey: KEY });
    expect(await getProject(db, project.id)).toEqual(completedProject);
  });

  it('does not reopen or re-complete a finished project', async () => {
    const project = await createProject(db, { title: 'Logo', contractorKey: KEY, status: 'cancelled' }, T0, ids('p'));
    const { completedProject } = await saveRating(db, undefined, { ...good, projectId: project.id }, T0 + 7);
    expect(completedProject).toBeUndefined();
    expect((await getProject(db, project.id))?.status).toBe('cancelled');
  });

  it('refuses a project with another contractor, a missing project or a missing rating, writing nothing', async () => {
    const project = await createProject(db, { title: 'Logo', contractorKey: 'fiverr:bob' }, T0, ids('p'));
    await expect(saveRating(db, undefined, { ...good, projectId: project.id }, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(saveRating(db, undefined, { ...good, projectId: 'nope' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveRating(db, 'gone', good, T0)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveRating(db, undefined, { ...good, value: 9 }, T0)).rejects.toThrow(/value/);
    expect(await db.ratings.count()).toBe(0);
    expect((await getProject(db, project.id))?.status).toBe('active');
  });

  it('lists and groups', async () => {
    const newId = ids('r');
    const p = await createProject(db, { title: 'A', contractorKey: KEY }, T0, ids('p'));
    await saveRating(db, undefined, good, T0, newId);
    await saveRating(db, undefined, { ...good, projectId: p.id }, T0 + 1, newId);
    await saveRating(db, undefined, { ...good, contractorKey: 'fiverr:bob' }, T0 + 2, newId);
    expect((await listRatingsByContractor(db, KEY)).map((r) => r.id)).toEqual(['r-2', 'r-1']);
    expect((await listRatingsByProject(db, p.id)).map((r) => r.id)).toEqual(['r-2']);
    expect([...(await ratingsByContractor(db, [KEY, 'guru:x'])).keys()]).toEqual([KEY]);
    expect([...(await ratingsByProject(db, [p.id])).keys()]).toEqual([p.id]);
    expect([...(await allRatingsByContractor(db)).keys()].sort()).toEqual(['fiverr:bob', KEY]);
    expect((await ratingsByContractor(db, [])).size).toBe(0);
    expect((await ratingsByProject(db, [])).size).toBe(0);
  });

  it('deletes', async () => {
    const { rating } = await saveRating(db, undefined, good, T0);
    expect(await deleteRating(db, rating.id, T0)).toBe(true);
    expect(await deleteRating(db, rating.id, T0)).toBe(false);
  });
});
