import * as projects from '../../db/repositories/projects';
import { getContractor, updateContractor } from '../../db/repositories/contractors';
import type { VettedDb } from '../../db/database';
import type { Project } from '../../db/schema';
import { deleteMilestone, listMilestones, saveMilestone } from '../../db/repositories/milestones';
import { deletePayment, listPayments, savePayment } from '../../db/repositories/payments';
import { listNotesByProject } from '../../db/repositories/notes';
import { listRatingsByProject } from '../../db/repositories/ratings';
import type { HandlerGroup } from '../context';

type Names =
  | 'listProjects'
  | 'getProject'
  | 'createProject'
  | 'updateProject'
  | 'deleteProject'
  | 'logCheckIn'
  | 'saveMilestone'
  | 'deleteMilestone'
  | 'savePayment'
  | 'deletePayment';

/**
 * Working with someone makes them "hired" in the overlay and badges, unless the user marked them
 * to avoid (that judgement stays theirs). Returns whether the contractor changed.
 */
async function markHired(db: VettedDb, project: Project, now: number): Promise<boolean> {
  if (project.status !== 'active' || !project.contractorKey) return false;
  const contractor = await getContractor(db, project.contractorKey);
  if (!contractor || contractor.status === 'hired' || contractor.status === 'avoid') return false;
  await updateContractor(db, contractor.key, { status: 'hired' }, now);
  return true;
}

export const projectHandlers: HandlerGroup<Names> = {
  async listProjects(db, query) {
    return projects.listProjects(db, query);
  },

  async getProject(db, { id }) {
    // One read transaction: a consistent view, and one transaction instead of six.
    return db.transaction('r', [db.projects, db.contractors, db.milestones, db.payments, db.notes, db.ratings], async () => {
      const project = await projects.getProject(db, id);
      if (!project) return null;
      const [contractor, milestones, payments, notes, ratings] = await Promise.all([
        project.contractorKey ? getContractor(db, project.contractorKey) : Promise.resolve(undefined),
        listMilestones(db, id),
        listPayments(db, id),
        listNotesByProject(db, id),
        listRatingsByProject(db, id),
      ]);
      return { project, ...(contractor ? { contractor } : {}), milestones, payments, notes, ratings };
    });
  },

  async createProject(db, { createId, ...input }, ctx) {
    const project = await projects.createProject(db, input, ctx.now, undefined, createId);
    await markHired(db, project, ctx.now);
    return project;
  },

  async updateProject(db, { id, patch, baseUpdatedAt }, ctx) {
    const project = await projects.updateProject(db, id, patch, ctx.now, baseUpdatedAt);
    await markHired(db, project, ctx.now);
    return project;
  },

  async deleteProject(db, { id }, ctx) {
    return { deleted: await projects.deleteProject(db, id, ctx.now) };
  },

  async logCheckIn(db, { id, at }, ctx) {
    return projects.logCheckIn(db, id, at ?? ctx.now, ctx.now);
  },

  async saveMilestone(db, { projectId, id, patch, createId, baseUpdatedAt }, ctx) {
    return saveMilestone(db, projectId, id, patch, ctx.now, undefined, { createId, baseUpdatedAt });
  },

  async deleteMilestone(db, { id }, ctx) {
    return { deleted: await deleteMilestone(db, id, ctx.now) };
  },

  async savePayment(db, { projectId, id, patch, createId, baseUpdatedAt }, ctx) {
    return savePayment(db, projectId, id, patch, ctx.now, undefined, { createId, baseUpdatedAt });
  },

  async deletePayment(db, { id }, ctx) {
    return { deleted: await deletePayment(db, id, ctx.now) };
  },
};
