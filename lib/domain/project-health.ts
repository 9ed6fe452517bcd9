/**
 * Everything the popup card and the side panel's budget summary show about one project, computed
 * from plain records, the current instant and the user's time zone.
 */
import { addDays, daysBetween, todayIn, type IsoDate } from './dates';
import { checkInStatus, type CheckInStatus } from './check-in';
import { forecast, type Forecast } from './forecast';
import { isPaidInFull } from './milestone-payments';
import type { MoneyTotals } from './money';
import { paymentSchedule, type PaymentSchedule } from './payment-schedule';
import { compareMilestones, isDelivered, toDue, type MilestoneDue, type ProjectBundle } from './project-records';

// Split by concern (issue 17); everything stays importable from here.
export * from './project-records';
export * from './check-in';
export * from './payment-schedule';
export * from './forecast';

export interface HealthOptions {
  /** IANA zone of the user, e.g. 'Europe/Berlin'; decides which calendar day "today" is. */
  timeZone: string;
  /** A milestone due within this many days (today included) is "due soon". Default 3. */
  dueSoonDays?: number;
  /** Budget use from which a project needs attention. Default 0.9. */
  nearBudgetRatio?: number;
}

export const DEFAULT_DUE_SOON_DAYS = 3;
export const NEAR_BUDGET_RATIO = 0.9;

export type HealthFlag =
  | 'milestone-overdue'
  | 'milestone-due-soon'
  | 'check-in-overdue'
  | 'over-budget'
  | 'near-budget'
  | 'forecast-over-budget'
  | 'past-deadline'
  | 'payment-overdue';

export interface ProjectHealth {
  projectId: string;
  /** status === 'active': only active projects raise flags and reminders. */
  active: boolean;
  today: IsoDate;
  currency: string;
  budgetMinor: number | null;
  /** Payments in the project currency. */
  spentMinor: number;
  /** Payments in any other currency, per currency, never converted. */
  otherCurrencies: MoneyTotals;
  /** budget − spent, negative when over; null without a budget. */
  remainingMinor: number | null;
  /** spent / budget; null without a budget or with a zero budget. */
  budgetUsed: number | null;
  /** Whole percent of the budget used (may exceed 100); null like budgetUsed. */
  budgetUsedPercent: number | null;
  /** Same, clamped to 0–100 for a progress bar. */
  budgetBarPercent: number | null;
  overBudget: boolean;
  nearBudget: boolean;
  forecast: Forecast;
  nextMilestone: MilestoneDue | null;
  overdueMilestones: MilestoneDue[];
  dueSoonMilestones: MilestoneDue[];
  checkIn: CheckInStatus;
  schedule: PaymentSchedule;
  /** Days from today to the deadline, negative when past; null without a deadline. */
  daysToDeadline: number | null;
  /** What needs attention. Only active projects raise flags: paused or finished ones stay quiet. */
  flags: HealthFlag[];
}

export function projectHealth(bundle: ProjectBundle, now: number, options: HealthOptions): ProjectHealth {
  const { project, milestones, payments } = bundle;
  const today = todayIn(now, options.timeZone);
  const dueSoonDays = Math.max(0, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS);
  const nearRatio = options.nearBudgetRatio ?? NEAR_BUDGET_RATIO;

  let spentMinor = 0;
  const otherCurrencies: MoneyTotals = {};
  for (const p of payments) {
    if (p.currency === project.currency) spentMinor += p.amountMinor;
    else otherCurrencies[p.currency] = (otherCurrencies[p.currency] ?? 0) + p.amountMinor;
  }
  const budgetMinor = project.budgetMinor ?? null;
  const remainingMinor = budgetMinor === null ? null : budgetMinor - spentMinor;
  const budgetUsed = budgetMinor === null || budgetMinor === 0 ? null : spentMinor / budgetMinor;
  const budgetUsedPercent = budgetUsed === null ? null : Math.round(budgetUsed * 100);
  const budgetBarPercent = budgetUsedPercent === null ? null : Math.min(100, Math.max(0, budgetUsedPercent));
  const overBudget = budgetMinor !== null && spentMinor > budgetMinor;
  const nearBudget = budgetUsed !== null && budgetUsed >= nearRatio;

  const schedule = paymentSchedule(bundle, today);
  // A milestone paid in full by payments made for it is settled whatever its status says: never
  // overdue nor "next" (an unlinked deposit does not settle any milestone by itself).
  const open = milestones.filter((m) => !isDelivered(m) && !isPaidInFull(m, payments, project.currency)).sort(compareMilestones);
  const next = open[0];
  const soonLimit = addDays(today, dueSoonDays);
  const overdueMilestones = open.filter((m) => m.dueDate && m.dueDate < today).map((m) => toDue(m, today));
  const dueSoonMilestones = open.filter((m) => m.dueDate && m.dueDate >= today && m.dueDate <= soonLimit).map((m) => toDue(m, today));

  const fc = forecast(bundle, today, schedule);
  const checkIn = checkInStatus(project, now, options.timeZone);
  const daysToDeadline = project.deadline ? daysBetween(today, project.deadline) : null;

  const flags: HealthFlag[] = [];
  if (project.status === 'active') {
    if (overdueMilestones.length > 0) flags.push('milestone-overdue');
    if (dueSoonMilestones.length > 0) flags.push('milestone-due-soon');
    if (checkIn.overdue) flags.push('check-in-overdue');
    if (overBudget) flags.push('over-budget');
    if (nearBudget) flags.push('near-budget');
    if (fc.exceedsBudget) flags.push('forecast-over-budget');
    if (daysToDeadline !== null && daysToDeadline < 0) flags.push('past-deadline');
    if (schedule.overdueCount > 0) flags.push('payment-overdue');
  }

  return {
    projectId: project.id,
    active: project.status === 'active',
    today,
    currency: project.currency,
    budgetMinor,
    spentMinor,
    otherCurrencies,
    remainingMinor,
    budgetUsed,
    budgetUsedPercent,
    budgetBarPercent,
    overBudget,
    nearBudget,
    forecast: fc,
    nextMilestone: next ? toDue(next, today) : null,
    overdueMilestones,
    dueSoonMilestones,
    checkIn,
    schedule,
    daysToDeadline,
    flags,
  };
}
