/**
 * issue 15: the written agreement's "Mark as agreed", the interview kit's save, and rehiring.
 * Each write is one transaction over the tables it touches, so a project is never marked agreed
 * without its checklist tick (or the other way round).
 */
import { setCheck } from '../../db/repositories/checks';
import { getContractor } from '../../db/repositories/contractors';
import { saveNote } from '../../db/repositories/notes';
import { paymentsByProject } from '../../db/repositories/payments';
import { createProject, getProject, listProjects, updateProject } from '../../db/repositories/projects';
import { NotFoundError } from '../../db/errors';
import { hasAnswers, parseInterviewNote } from '../../domain/interview-kit';
import { rehirePrefill } from '../../domain/rehire';
import type { HandlerGroup } from '../context';

/** Checklist ids (lib/domain/checklist.ts) ticked from here. */
const WRITTEN_CONTRACT = 'written-contract';
const INTERVIEW_HELD = 'interview-held';

type Names = 'markAgreed' | 'saveInterview' | 'getContractorPayments' | 'hireAgain';

export const agreementHandlers: HandlerGroup<Names> = {
  async markAgreed(db, { projectId, date }, ctx) {
    return db.transaction('rw', [db.projects, db.milestones, db.payments, db.contractors, db.checks, db.settings], async () => {
      const before = await getProject(db, projectId);
      if (!before) throw new NotFoundError('This project was deleted in another window.');
      if (!before.contractorKey) throw new NotFoundError('Link a contractor to this project first: the agreement is with them.');
      const project = await updateProject(db, projectId, { contract: { signedAt: date } }, ctx.now);
      const check = await setCheck(db, { contractorKey: before.contractorKey, itemId: WRITTEN_CONTRACT, state: 'done' }, ctx.now);
      return { project, check };
    });
  },

  async saveInterview(db, { contractorKey, id, body }, ctx) {
    return db.transaction('rw', [db.notes, db.checks, db.settings], async () => {
      const note = await saveNote(db, { ...(id ? { id } : {}), contractorKey, kind: 'interview', body }, ctx.now);
      const parsed = parseInterviewNote(body);
      const answered = parsed !== null && hasAnswers(parsed.answers);
      const check = answered ? await setCheck(db, { contractorKey, itemId: INTERVIEW_HELD, state: 'done' }, ctx.now) : undefined;
      return check ? { note, check } : { note };
    });
  },

  async getContractorPayments(db, { contractorKey }) {
    return db.transaction('r', [db.projects, db.payments], async () => {
      const projects = await listProjects(db, { contractorKey });
      const byProject = await paymentsByProject(db, projects.map((p) => p.id));
      return [...byProject.values()].flat();
    });
  },

  async hireAgain(db, { contractorKey }, ctx) {
    return db.transaction('rw', [db.projects, db.contractors, db.settings], async () => {
      const contractor = await getContractor(db, contractorKey);
      if (!contractor) throw new NotFoundError('This contractor was deleted in another window.');
      const prefill = rehirePrefill(contractorKey, await listProjects(db, { contractorKey }), contractor.name);
      const fields = prefill ?? { title: `New project with ${contractor.name}`.slice(0, 500), status: 'planned' as const };
      const project = await createProject(db, { ...fields, contractorKey }, ctx.now);
      return project;
    });
  },
};
