/**
 * Rehire with your own history: what you already did with a contractor (projects, money paid per
 * currency, your ratings, the last rate you agreed), a nudge to ask for a repeat-client rate, and
 * the new project prefilled from the last one. Pure: plain records in, plain values out.
 */
import type { Check, ChecklistItem, Payment, Project, Rating } from '../db/schema';
import { formatMoney, formatTotals, sumByCurrency, type MoneyTotals } from './money';
import { reputation, type RatingInput } from './reputation';

export interface AgreedRate {
  amountMinor: number;
  currency: string;
  /** hour / week / month for hourly and retainer projects; project for a fixed or milestone price. */
  per: 'hour' | 'week' | 'month' | 'project';
  projectTitle: string;
}

export interface RehireSummary {
  /** Projects that went ahead with them (active, paused or completed). */
  projects: number;
  completed: number;
  paid: MoneyTotals;
  averageRating: number | null;
  ratings: number;
  /** Your latest rating's answer: the most recent experience weighs most. */
  wouldRehire: boolean | null;
  lastRate: AgreedRate | null;
  /** "3 projects, $4,200 paid: ask for a repeat-client rate", when you are a frequent client. */
  nudge: string | null;
}

type ProjectRow = Pick<
  Project,
  'id' | 'title' | 'contractorKey' | 'status' | 'paymentModel' | 'currency' | 'budgetMinor' | 'rateMinor' | 'retainerPeriod' | 'createdAt'
>;

const WORKED: ReadonlySet<Project['status']> = new Set(['active', 'paused', 'completed']);

/** Their projects, newest first; cancelled ones only when nothing else exists. */
function byRecency<P extends ProjectRow>(contractorKey: string, projects: readonly P[]): P[] {
  const mine = projects.filter((p) => p.contractorKey === contractorKey).sort((a, b) => b.createdAt - a.createdAt);
  const kept = mine.filter((p) => p.status !== 'cancelled');
  return kept.length > 0 ? kept : mine;
}

export function agreedRate(p: ProjectRow): AgreedRate | null {
  if ((p.paymentModel === 'hourly' || p.paymentModel === 'retainer') && p.rateMinor !== undefined) {
    const per = p.paymentModel === 'hourly' ? 'hour' : (p.retainerPeriod ?? 'month');
    return { amountMinor: p.rateMinor, currency: p.currency, per, projectTitle: p.title };
  }
  if ((p.paymentModel === 'fixed' || p.paymentModel === 'milestones') && p.budgetMinor !== undefined) {
    return { amountMinor: p.budgetMinor, currency: p.currency, per: 'project', projectTitle: p.title };
  }
  return null;
}

/** "$45.00 an hour", "$2,000.00 a month", "$1,200.00 for the project". */
export function formatAgreedRate(rate: AgreedRate, locale?: string): string {
  const money = formatMoney(rate.amountMinor, rate.currency, locale, { trimZeroFraction: true });
  if (rate.per === 'project') return `${money} for the project`;
  return rate.per === 'hour' ? `${money} an hour` : `${money} a ${rate.per}`;
}

export interface RehireOptions {
  locale?: string;
  /** Projects together that make you a frequent client. Default 2. */
  frequentAfter?: number;
}

export function rehireSummary(
  contractorKey: string,
  projects: readonly ProjectRow[],
  payments: readonly Pick<Payment, 'projectId' | 'amountMinor' | 'currency'>[],
  ratings: readonly (RatingInput & Pick<Rating, 'contractorKey'>)[],
  options: RehireOptions = {},
): RehireSummary {
  const mine = projects.filter((p) => p.contractorKey === contractorKey);
  const ids = new Set(mine.map((p) => p.id));
  const worked = mine.filter((p) => WORKED.has(p.status));
  const paid = sumByCurrency(payments.filter((p) => ids.has(p.projectId)));
  const rep = reputation(ratings.filter((r) => r.contractorKey === contractorKey));
  const recent = byRecency(contractorKey, mine);
  const lastRate = recent.map(agreedRate).find((r): r is AgreedRate => r !== null) ?? null;

  const frequentAfter = options.frequentAfter ?? 2;
  let nudge: string | null = null;
  // A contractor you would not rehire gets no nudge to do it.
  if (worked.length >= frequentAfter && rep.lastWouldRehire !== false) {
    const money = formatTotals(paid, options.locale, { trimZeroFraction: true });
    nudge = money
      ? `${worked.length} projects, ${money} paid: ask for a repeat-client rate`
      : `${worked.length} projects together: ask for a repeat-client rate`;
  }
  return {
    projects: worked.length,
    completed: mine.filter((p) => p.status === 'completed').length,
    paid,
    averageRating: rep.overall,
    ratings: rep.count,
    wouldRehire: rep.lastWouldRehire,
    lastRate,
    nudge,
  };
}

/** Whether there is any history worth showing (a project that went ahead, or a rating). */
export function hasWorkedWith(summary: RehireSummary): boolean {
  return summary.projects > 0 || summary.ratings > 0;
}

export type RehirePrefill = Pick<Project, 'title' | 'status' | 'paymentModel' | 'currency'> &
  Partial<Pick<Project, 'rateMinor' | 'retainerPeriod' | 'checkInDays'>> & {
    contract: { expectations?: string; paymentSchedule?: string };
  };

/**
 * The new project's fields, from the last one: payment model, currency, rate, check-in rhythm and
 * the standing contract terms (expectations, payment terms). Budget, dates, deliverables and the
 * signature belong to the old job and start empty. Null when there is no earlier project.
 */
export function rehirePrefill(
  contractorKey: string,
  projects: readonly (ProjectRow & Pick<Project, 'checkInDays' | 'contract'>)[],
  name?: string,
): RehirePrefill | null {
  const last = byRecency(contractorKey, projects)[0];
  if (!last) return null;
  const who = name?.trim();
  const prefill: RehirePrefill = {
    title: (who ? `New project with ${who}` : `Again: ${last.title}`).slice(0, 500),
    status: 'planned',
    paymentModel: last.paymentModel,
    currency: last.currency,
    contract: {},
  };
  if (last.rateMinor !== undefined) prefill.rateMinor = last.rateMinor;
  if (last.retainerPeriod !== undefined) prefill.retainerPeriod = last.retainerPeriod;
  if (last.checkInDays !== undefined) prefill.checkInDays = last.checkInDays;
  if (last.contract.expectations) prefill.contract.expectations = last.contract.expectations;
  if (last.contract.paymentSchedule) prefill.contract.paymentSchedule = last.contract.paymentSchedule;
  return prefill;
}

export interface CarriedCheck {
  itemId: string;
  label: string;
  /** When it was ticked (the check's updatedAt). */
  doneAt: number;
}

/** Vetting already done for this contractor, in checklist order: it carries over to a new project. */
export function carriedChecks(
  template: readonly ChecklistItem[],
  checks: readonly Pick<Check, 'itemId' | 'state' | 'updatedAt'>[],
): CarriedCheck[] {
  const byId = new Map(checks.map((c) => [c.itemId, c]));
  const out: CarriedCheck[] = [];
  for (const item of template) {
    const c = byId.get(item.id);
    if (!item.hidden && c?.state === 'done') out.push({ itemId: item.id, label: item.label, doneAt: c.updatedAt });
  }
  return out;
}
