/**
 * Everything the popup shows in one round trip, and nothing it does not show (kept ready by
 * ./dashboard-summary.ts). Every read goes through an index with the set of
 * open projects' ids, so the cost follows the number of open projects, not the size of the data.
 */
import { compareHireAgain, wouldHireAgain } from '../domain/dashboard';
import { reputation, type Reputation } from '../domain/reputation';
import type { VettedDb } from '../db/database';
import { bulkGetContractors, recentContractors } from '../db/repositories/contractors';
import { milestonesByProject } from '../db/repositories/milestones';
import { paymentsByProject } from '../db/repositories/payments';
import { listProjects } from '../db/repositories/projects';
import { allRatingsByContractor } from '../db/repositories/ratings';
import { getSettings } from '../db/repositories/settings';
import type { Contractor, Rating } from '../db/schema';
import type { Dashboard } from '../messaging/protocol';

const HIRE_AGAIN_LIMIT = 10;
const RECENT_LIMIT = 8;

/**
 * The popup's "hire again" list, by the rule in lib/domain/dashboard.ts. Only the candidates'
 * contractors are read, a page at a time (names are not known before, so ties go by key).
 */
export async function hireAgain(db: VettedDb): Promise<Dashboard['hireAgain']> {
  const byContractor = await allRatingsByContractor(db);
  const candidates: { key: string; ratings: Rating[]; reputation: Reputation }[] = [];
  for (const [key, ratings] of byContractor) {
    const rep = reputation(ratings);
    if (wouldHireAgain(rep)) candidates.push({ key, ratings, reputation: rep });
  }
  candidates.sort(compareHireAgain);
  const out: Dashboard['hireAgain'] = [];
  // Read contractors a page at a time: the list is short, the candidates may be many.
  for (let i = 0; i < candidates.length && out.length < HIRE_AGAIN_LIMIT; i += HIRE_AGAIN_LIMIT) {
    const page = candidates.slice(i, i + HIRE_AGAIN_LIMIT);
    const contractors = new Map(
      (
        await bulkGetContractors(
          db,
          page.map((c) => c.key),
        )
      ).map((c): [string, Contractor] => [c.key, c]),
    );
    for (const c of page) {
      const contractor = contractors.get(c.key);
      if (!contractor || contractor.status === 'avoid') continue;
      out.push({ contractor, ratings: c.ratings });
      if (out.length === HIRE_AGAIN_LIMIT) break;
    }
  }
  return out;
}

/** Reads the dashboard from the database in one read transaction. */
export async function computeDashboard(db: VettedDb): Promise<Dashboard> {
  return db.transaction('r', db.tables, async () => {
    const open = await listProjects(db, { status: ['active', 'paused', 'planned'] });
    const ids = open.map((p) => p.id);
    // No notes or ratings per project: a card shows neither, and an open project's budget notes
    // can be many; the side panel reads them with getProject when it shows the project.
    const [contractors, milestones, payments, again, recent, settings, contractorCount] = await Promise.all([
      bulkGetContractors(
        db,
        open.flatMap((p) => (p.contractorKey ? [p.contractorKey] : [])),
      ),
      milestonesByProject(db, ids),
      paymentsByProject(db, ids),
      hireAgain(db),
      recentContractors(db, RECENT_LIMIT),
      getSettings(db),
      db.contractors.count(),
    ]);
    const byKey = new Map(contractors.map((c) => [c.key, c]));
    const projects = open.map((project) => {
      const contractor = project.contractorKey ? byKey.get(project.contractorKey) : undefined;
      return {
        project,
        ...(contractor ? { contractor } : {}),
        milestones: milestones.get(project.id) ?? [],
        payments: payments.get(project.id) ?? [],
      };
    });
    return { projects, hireAgain: again, recent, settings, contractorCount };
  });
}
