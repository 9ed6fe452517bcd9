import * as projects from '../../db/repositories/projects';
import { getContractor, updateContractor } from '../../db/repositories/contractors';
import type { VettedDb } from '../../db/database';
import type { Project } from '../../db/schema';
import { deleteMilestone, getMilestone, listMilestones, saveMilestone } from '../../db/repositories/milestones';
import { deletePayment, getPayment, listPayments, savePayment } from '../../db/repositories/payments';
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

const keysOf = (key: string | undefined) => (key ? { contractorKeys: [key] } : {});

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

  async createProject(db, input, ctx) {
    const project = await projects.createProject(db, input, ctx.now);
    const hired = await markHired(db, project, ctx.now);
    ctx.changed({ tables: hired ? ['projects', 'contractors'] : ['projects'], projectIds: [project.id], ...keysOf(project.contractorKey) });
    return project;
  },

  async updateProject(db, { id, patch }, ctx) {
    const before = await projects.getProject(db, id);
    const project = await projects.updateProject(db, id, patch, ctx.now);
    const hired = await markHired(db, project, ctx.now);
    const keys = [before?.contractorKey, project.contractorKey].filter((k): k is string => !!k);
    ctx.changed({
      // Completing a project closes its milestones.
      tables: [...(hired ? (['projects', 'contractors'] as const) : (['projects'] as const)), ...(patch.status === 'completed' ? (['milestones'] as const) : [])],
      projectIds: [id],
      ...(keys.length ? { contractorKeys: [...new Set(keys)] } : {}),
    });
    return project;
  },

  async deleteProject(db, { id }, ctx) {
    const before = await projects.getProject(db, id);
    const deleted = await projects.deleteProject(db, id, ctx.now);
    if (deleted) {
      ctx.changed({
        tables: ['projects', 'milestones', 'payments', 'notes', 'ratings'],
        projectIds: [id],
        ...keysOf(before?.contractorKey),
      });
    }
    return { deleted };
  },

  async logCheckIn(db, { id, at }, ctx) {
    const project = await projects.logCheckIn(db, id, at ?? ctx.now, ctx.now);
    ctx.changed({ tables: ['projects'], projectIds: [id], ...keysOf(project.contractorKey) });
    return project;
  },

  async saveMilestone(db, { projectId, id, patch }, ctx) {
    const milestone = await saveMilestone(db, projectId, id, patch, ctx.now);
    ctx.changed({ tables: ['milestones'], projectIds: [projectId] });
    return milestone;
  },

  async deleteMilestone(db, { id }, ctx) {
    const before = await getMilestone(db, id);
    const deleted = await deleteMilestone(db, id, ctx.now);
    if (deleted && before) ctx.changed({ tables: ['milestones', 'payments'], projectIds: [before.projectId] });
    return { deleted };
  },

  async savePayment(db, { projectId, id, patch }, ctx) {
    const payment = await savePayment(db, projectId, id, patch, ctx.now);
    // A milestone paid in full moves to paid.
    ctx.changed({ tables: payment.milestoneId ? ['payments', 'milestones'] : ['payments'], projectIds: [projectId] });
    return payment;
  },

  async deletePayment(db, { id }, ctx) {
    const before = await getPayment(db, id);
    const deleted = await deletePayment(db, id, ctx.now);
    if (deleted && before) ctx.changed({ tables: ['payments'], projectIds: [before.projectId] });
    return { deleted };
  },
};
