/**
 * issue 15: the written agreement's "Mark as agreed", the interview kit's save, and rehiring.
 * The writes are lib/db/repositories/agreement.ts, one transaction each.
 */
import * as agreement from '../../db/repositories/agreement';
import { paymentsByProject } from '../../db/repositories/payments';
import { listProjects } from '../../db/repositories/projects';
import type { HandlerGroup } from '../context';

type Names = 'markAgreed' | 'saveInterview' | 'getContractorPayments' | 'hireAgain';

export const agreementHandlers: HandlerGroup<Names> = {
  markAgreed: (db, { projectId, date }, ctx) => agreement.markAgreed(db, projectId, date, ctx.now),

  saveInterview: (db, payload, ctx) => agreement.saveInterview(db, payload, ctx.now),

  async getContractorPayments(db, { contractorKey }) {
    return db.transaction('r', [db.projects, db.payments], async () => {
      const projects = await listProjects(db, { contractorKey });
      const byProject = await paymentsByProject(
        db,
        projects.map((p) => p.id),
      );
      return [...byProject.values()].flat();
    });
  },

  hireAgain: (db, { contractorKey }, ctx) => agreement.hireAgain(db, contractorKey, ctx.now),
};
