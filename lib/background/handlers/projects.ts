import * as projects from '../../db/repositories/projects';
import { getContractor } from '../../db/repositories/contractors';
import * as hiring from '../../db/repositories/hiring';
import { readNewContractor } from '../../domain/contractor-input';
import { RequestError } from '../errors';
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

  async createProject(db, { newContractor, createId, ...input }, ctx) {
    if (!newContractor) return hiring.startProject(db, input, ctx.now, undefined, createId);
    const person = readNewContractor(newContractor.name, newContractor.link);
    if (!person.ok) throw new RequestError('bad-request', person.errors.name ?? person.errors.link ?? 'Check their name and link.');
    return hiring.startProject(db, { ...input, contractorKey: person.profile.key }, ctx.now, person.profile, createId);
  },

  updateProject: (db, { id, patch, baseUpdatedAt }, ctx) => hiring.saveProject(db, id, patch, ctx.now, baseUpdatedAt),

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
