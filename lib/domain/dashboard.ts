/** Numbers for the top of the popup and its "hire again" and "recently viewed" lists. */
import type { Contractor, Rating } from '../db/schema';
import { sumByCurrency, type MoneyTotals } from './money';
import { compareText, projectHealth, type HealthOptions, type ProjectBundle, type ProjectHealth } from './project-health';
import { sortByUrgency } from './urgency';
import { reputation, type RatingInput, type Reputation } from './reputation';

export interface DashboardTotals {
  activeProjects: number;
  /** Budgets of active projects, per currency (projects without a budget add nothing). */
  committed: MoneyTotals;
  /** Payments on active projects, per payment currency. */
  paid: MoneyTotals;
  /** Overdue milestones across active projects. */
  overdueMilestones: number;
  /** Active projects whose check-in is overdue. */
  overdueCheckIns: number;
  /** overdueMilestones + overdueCheckIns: the "items overdue" figure. */
  overdueItems: number;
  overBudgetProjects: number;
}

export function dashboardTotals(bundles: readonly ProjectBundle[], now: number, options: HealthOptions): DashboardTotals {
  const active = bundles.filter((b) => b.project.status === 'active');
  let overdueMilestones = 0;
  let overdueCheckIns = 0;
  let overBudgetProjects = 0;
  const commitments: { amountMinor: number; currency: string }[] = [];
  for (const bundle of active) {
    const h = projectHealth(bundle, now, options);
    // The budget is the commitment; a retainer without one commits to its periods (to the
    // deadline, or those started so far) (issue 14).
    const { project } = bundle;
    const retainerTotal = project.paymentModel === 'retainer' ? (h.forecast.totalMinor ?? (h.schedule.plannedMinor || null)) : null;
    const committed = project.budgetMinor ?? retainerTotal;
    if (committed !== null && committed !== undefined) commitments.push({ amountMinor: committed, currency: project.currency });
    overdueMilestones += h.overdueMilestones.length;
    if (h.checkIn.overdue) overdueCheckIns += 1;
    if (h.overBudget) overBudgetProjects += 1;
  }
  return {
    activeProjects: active.length,
    committed: sumByCurrency(commitments),
    paid: sumByCurrency(active.flatMap((b) => b.payments)),
    overdueMilestones,
    overdueCheckIns,
    overdueItems: overdueMilestones + overdueCheckIns,
    overBudgetProjects,
  };
}

export type HireAgainContractor = Pick<Contractor, 'key' | 'name' | 'status'>;

export interface HireAgainEntry<C extends HireAgainContractor = HireAgainContractor> {
  contractor: C;
  reputation: Reputation;
}

export interface HireAgainOptions {
  /** Minimum overall average (1–5). Default 4. */
  minAverage?: number;
  limit?: number;
}

/**
 * The "hire again" rule (DESIGN.md: contractors you rated well): your ratings average at least
 * `minAverage` (4) with "would rehire" on at least half of them. (Status "avoid" is checked by the
 * caller, who has the contractor.)
 */
export function wouldHireAgain(rep: Reputation, minAverage = 4): boolean {
  return rep.overall !== null && rep.overall >= minAverage && (rep.wouldRehireShare ?? 0) >= 0.5;
}

/** Best first: overall average, then would-rehire share, then number of projects, then name, then key. */
export function compareHireAgain(
  a: { reputation: Reputation; name?: string; key: string },
  b: { reputation: Reputation; name?: string; key: string },
): number {
  return (
    (b.reputation.overall ?? 0) - (a.reputation.overall ?? 0) ||
    (b.reputation.wouldRehireShare ?? 0) - (a.reputation.wouldRehireShare ?? 0) ||
    b.reputation.projects - a.reputation.projects ||
    compareText(a.name ?? '', b.name ?? '') ||
    compareText(a.key, b.key)
  );
}

/**
 * Contractors you would hire again (wouldHireAgain), never one marked to avoid, best first
 * (compareHireAgain).
 */
export function hireAgain<C extends HireAgainContractor>(
  contractors: readonly C[],
  ratings: readonly (RatingInput & Pick<Rating, 'contractorKey'>)[],
  options: HireAgainOptions = {},
): HireAgainEntry<C>[] {
  const minAverage = options.minAverage ?? 4;
  const byKey = new Map<string, RatingInput[]>();
  for (const r of ratings) {
    const list = byKey.get(r.contractorKey);
    if (list) list.push(r);
    else byKey.set(r.contractorKey, [r]);
  }
  const entries: HireAgainEntry<C>[] = [];
  for (const contractor of contractors) {
    if (contractor.status === 'avoid') continue;
    const rep = reputation(byKey.get(contractor.key) ?? []);
    if (!wouldHireAgain(rep, minAverage)) continue;
    entries.push({ contractor, reputation: rep });
  }
  entries.sort((a, b) =>
    compareHireAgain({ ...a, name: a.contractor.name, key: a.contractor.key }, { ...b, name: b.contractor.name, key: b.contractor.key }),
  );
  return options.limit === undefined ? entries : entries.slice(0, Math.max(0, options.limit));
}

/** Most recently seen contractors first (ties by name), at most `limit`. */
export function recentlyViewed<C extends Pick<Contractor, 'key' | 'name' | 'lastSeenAt'>>(contractors: readonly C[], limit = 5): C[] {
  return [...contractors]
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt || compareText(a.name, b.name) || compareText(a.key, b.key))
    .slice(0, Math.max(0, limit));
}

/**
 * issue 18: the popup's projects, most urgent first, each with its health: what the popup draws
 * and what the background keeps for the popup's first paint (the same order in both).
 */
export function rankProjects<V extends ProjectBundle>(views: readonly V[], now: number, options: HealthOptions): RankedProject<V>[] {
  return sortByUrgency(views.map((view) => ({ project: view.project, view, health: projectHealth(view, now, options) })));
}

export interface RankedProject<V extends ProjectBundle> {
  project: V['project'];
  view: V;
  health: ProjectHealth;
}
