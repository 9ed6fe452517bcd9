/** Vetting progress of one contractor: how much of the (visible) checklist is settled. */
import type { Check, CheckState, ChecklistGroup, ChecklistItem, Milestone, Project } from '../db/schema';
import { visibleItems } from './checklist';

export interface ProgressCounts {
  done: number;
  failed: number;
  na: number;
  todo: number;
  /** Visible items minus those marked not applicable. */
  total: number;
}

export interface VettingProgress extends ProgressCounts {
  /** done / total in whole percent (0 when total is 0). */
  percent: number;
  /** "6/11": done over total. */
  label: string;
  /** Counts per group; every group is present (zeros when it has no visible items). */
  byGroup: Record<ChecklistGroup, ProgressCounts>;
}

export type ChecksInput = readonly Pick<Check, 'itemId' | 'state'>[] | Readonly<Record<string, CheckState>>;

function emptyCounts(): ProgressCounts {
  return { done: 0, failed: 0, na: 0, todo: 0, total: 0 };
}

function stateLookup(checks: ChecksInput): (itemId: string) => CheckState {
  if (Array.isArray(checks)) {
    const byId = new Map<string, CheckState>();
    for (const c of checks as readonly Pick<Check, 'itemId' | 'state'>[]) byId.set(c.itemId, c.state);
    return (id) => byId.get(id) ?? 'todo';
  }
  const record = checks as Readonly<Record<string, CheckState>>;
  return (id) => (Object.prototype.hasOwnProperty.call(record, id) ? (record[id] ?? 'todo') : 'todo');
}

/**
 * Checks for items that are hidden or no longer in the template are ignored: the user removed
 * them, so they must not count, but they are kept in the database in case the item comes back.
 * A failed item counts towards the total but not towards "done": it is settled, badly.
 */
export function vettingProgress(template: readonly ChecklistItem[], checks: ChecksInput): VettingProgress {
  const stateOf = stateLookup(checks);
  const overall = emptyCounts();
  const byGroup: Record<ChecklistGroup, ProgressCounts> = {
    'before-hiring': emptyCounts(),
    'contract-budget': emptyCounts(),
    'working-together': emptyCounts(),
    'after-delivery': emptyCounts(),
  };
  for (const item of visibleItems(template)) {
    const state = stateOf(item.id);
    for (const counts of [overall, byGroup[item.group]]) {
      counts[state] += 1;
      if (state !== 'na') counts.total += 1;
    }
  }
  const percent = overall.total === 0 ? 0 : Math.round((overall.done / overall.total) * 100);
  return { ...overall, percent, label: `${overall.done}/${overall.total}`, byGroup };
}

// ---------------------------------------------------------------- ticks the data proves (issue 14)

/** What Vetted already knows about the work with a contractor. */
export interface VettingEvidence {
  projects: readonly Pick<Project, 'id' | 'title' | 'paymentModel' | 'budgetMinor' | 'rateMinor' | 'startDate' | 'contract'>[];
  milestones: readonly Pick<Milestone, 'projectId' | 'amountMinor'>[];
  ratingCount: number;
}

/** An item ticked because the data proves it, with the proof in words. */
export interface DerivedCheck {
  itemId: string;
  reason: string;
}

/** Default checklist items the data can prove (ids from DEFAULT_CHECKLIST). */
export const DERIVABLE_ITEMS = ['written-contract', 'budget-set', 'milestones-set', 'payment-schedule-agreed', 'rating-recorded'] as const;

/** The items the evidence proves done, first proof each. */
export function derivedChecks(e: VettingEvidence): DerivedCheck[] {
  const out: DerivedCheck[] = [];
  const first = <T>(items: readonly T[], test: (t: T) => boolean) => items.find(test);
  const signed = first(e.projects, (p) => !!p.contract.signedAt);
  if (signed) out.push({ itemId: 'written-contract', reason: `Contract signed for “${signed.title}”` });
  const budget = first(e.projects, (p) => (p.budgetMinor ?? 0) > 0 || (p.paymentModel !== 'fixed' && (p.rateMinor ?? 0) > 0));
  if (budget) out.push({ itemId: 'budget-set', reason: `Budget set for “${budget.title}”` });
  const withMilestones = first(e.projects, (p) => e.milestones.some((m) => m.projectId === p.id));
  if (withMilestones) out.push({ itemId: 'milestones-set', reason: `Milestones in “${withMilestones.title}”` });
  const schedule = first(
    e.projects,
    (p) =>
      !!p.contract.paymentSchedule?.trim() ||
      e.milestones.some((m) => m.projectId === p.id && (m.amountMinor ?? 0) > 0) ||
      (p.paymentModel === 'retainer' && (p.rateMinor ?? 0) > 0 && !!p.startDate),
  );
  if (schedule) out.push({ itemId: 'payment-schedule-agreed', reason: `Payment schedule in “${schedule.title}”` });
  if (e.ratingCount > 0)
    out.push({ itemId: 'rating-recorded', reason: e.ratingCount === 1 ? 'You saved a rating' : `You saved ${e.ratingCount} ratings` });
  return out;
}

/**
 * The states to show and count: the user's own checks (ticked, failed, not applicable, or
 * cleared: any check they set, by hand or by another feature's real check) win; items without one
 * take the derived tick. `auto` lists the items shown ticked because of the data.
 */
export function withDerived(
  checks: readonly Pick<Check, 'itemId' | 'state'>[],
  derived: readonly DerivedCheck[],
): { states: Record<string, CheckState>; auto: Map<string, string> } {
  const states: Record<string, CheckState> = {};
  for (const c of checks) states[c.itemId] = c.state;
  const auto = new Map<string, string>();
  for (const d of derived) {
    if (Object.prototype.hasOwnProperty.call(states, d.itemId)) continue;
    states[d.itemId] = 'done';
    auto.set(d.itemId, d.reason);
  }
  return { states, auto };
}
