import { milestonesByProject } from '../../db/repositories/milestones';
import { derivedChecks } from '../../domain/vetting';
import * as contractors from '../../db/repositories/contractors';
import { listChecks } from '../../db/repositories/checks';
import { newestKitNote, pageNotesByContractor } from '../../db/repositories/notes';
import { NOTES_PAGE } from '../../messaging/pages';
import { listRatingsByContractor } from '../../db/repositories/ratings';
import { listProjects } from '../../db/repositories/projects';
import type { HandlerGroup } from '../context';

type Names =
  | 'getContractor'
  | 'trackContractor'
  | 'updateContractor'
  | 'deleteContractor'
  | 'listContractors'
  | 'linkContractors'
  | 'unlinkContractors';

export const contractorHandlers: HandlerGroup<Names> = {
  async getContractor(db, { key }) {
    // One read transaction: a consistent view, and one transaction instead of six.
    return db.transaction('r', [db.contractors, db.checks, db.notes, db.ratings, db.projects, db.milestones], async () => {
      const contractor = await contractors.getContractor(db, key);
      if (!contractor) return null;
      const [checks, page, ratings, projects, linked] = await Promise.all([
        listChecks(db, key),
        pageNotesByContractor(db, key, NOTES_PAGE),
        listRatingsByContractor(db, key),
        listProjects(db, { contractorKey: key }),
        contractors.bulkGetContractors(db, contractor.links),
      ]);
      const milestones = [
        ...(
          await milestonesByProject(
            db,
            projects.map((p) => p.id),
          )
        ).values(),
      ].flat();
      const derived = derivedChecks({ projects, milestones, ratingCount: ratings.length });
      const { notes, total: notesTotal } = page;
      // The kit's answers note, also when it is older than the first page (InterviewKit shows it).
      const kitNote = notesTotal > notes.length ? await newestKitNote(db, key) : undefined;
      return { contractor, checks, notes, notesTotal, ...(kitNote ? { kitNote } : {}), ratings, projects, linked, derived };
    });
  },

  async trackContractor(db, { profile }, ctx) {
    const result = await contractors.trackContractor(db, profile, ctx.now);
    return result.contractor;
  },

  async updateContractor(db, { key, patch }, ctx) {
    return contractors.updateContractor(db, key, patch, ctx.now);
  },

  async deleteContractor(db, { key }, ctx) {
    return { deleted: await contractors.deleteContractor(db, key, ctx.now) };
  },

  async listContractors(db, query) {
    return contractors.listContractors(db, query);
  },

  async linkContractors(db, { a, b }, ctx) {
    await contractors.linkContractors(db, a, b, ctx.now);
    return { ok: true };
  },

  async unlinkContractors(db, { a, b }, ctx) {
    await contractors.unlinkContractors(db, a, b, ctx.now);
    return { ok: true };
  },
};
