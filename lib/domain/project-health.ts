/**
 * Everything the popup card and the side panel's budget summary show about one project, computed
 * from plain records, the current instant and the user's time zone.
 */
import { isPaidInFull } from './milestone-payments';
import type { Milestone, MilestoneStatus, Payment, PaymentModel, Project, RetainerPeriod } from '../db/schema';
import { addDays, compareIsoDates, dateInZone, daysBetween, formatDay, periodStart, periodsStarted, todayIn, type IsoDate } from './dates';
import { formatMoney, type MoneyTotals } from './money';

export type ProjectInput = Pick<
  Project,
  | 'id'
  | 'title'
  | 'status'
  | 'paymentModel'
  | 'currency'
  | 'budgetMinor'
  | 'rateMinor'
  | 'retainerPeriod'
  | 'estimatedHours'
  | 'hoursLogged'
  | 'startDate'
  | 'deadline'
  | 'checkInDays'
  | 'lastContactAt'
  | 'createdAt'
> &
  Partial<Pick<Project, 'contractorKey'>>;
export type MilestoneInput = Pick<Milestone, 'id' | 'title' | 'dueDate' | 'amountMinor' | 'status'> &
  Partial<Pick<Milestone, 'createdAt'>>;
export type PaymentInput = Pick<Payment, 'amountMinor' | 'currency' | 'paidAt'> & Partial<Pick<Payment, 'id' | 'milestoneId'>>;

export interface ProjectBundle<P extends ProjectInput = ProjectInput> {
  project: P;
  milestones: readonly MilestoneInput[];
  payments: readonly PaymentInput[];
}

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

/** Milestones in these states are delivered: they are never overdue nor "next". */
export const DELIVERED_STATUSES: readonly MilestoneStatus[] = ['approved', 'paid'];

export function isDelivered(m: Pick<MilestoneInput, 'status'>): boolean {
  return DELIVERED_STATUSES.includes(m.status);
}

export interface MilestoneDue {
  id: string;
  title: string;
  dueDate: IsoDate | null;
  status: MilestoneStatus;
  amountMinor: number | null;
  /** Days from today to the due date: 0 today, negative when late; null without a due date. */
  daysUntilDue: number | null;
}

export interface Forecast {
  model: PaymentModel;
  /**
   * Expected total cost, or null when the project lacks what the model needs.
   * fixed: the budget (or the milestones' sum when there is no budget); hourly: estimated hours ×
   * rate; retainer: periods from the start to the deadline × amount; milestones: sum of milestones.
   */
  totalMinor: number | null;
  /**
   * Cost accrued so far. hourly: hours logged × rate; retainer: periods begun by today × amount;
   * milestones: delivered (approved or paid) milestones; fixed: null.
   */
  toDateMinor: number | null;
  /** True when the forecast total is above the budget. */
  exceedsBudget: boolean;
  hourly?: { rateMinor: number | null; estimatedHours: number | null; hoursLogged: number | null };
  retainer?: {
    period: RetainerPeriod;
    amountMinor: number | null;
    periodsToDate: number | null;
    periodsToDeadline: number | null;
  };
  milestones?: { count: number; openCount: number; openMinor: number };
}

export interface ScheduleItem {
  /** Milestone id, or "period-N" for a retainer period. */
  id: string;
  title: string;
  dueDate: IsoDate | null;
  amountMinor: number;
  /** Part of the amount covered by payments. */
  paidMinor: number;
  paid: boolean;
  overdue: boolean;
  source: 'milestone' | 'period';
}

export interface PaymentSchedule {
  items: ScheduleItem[];
  plannedCount: number;
  paidCount: number;
  plannedMinor: number;
  /** First unpaid item, with amountMinor reduced to what is still due on it. */
  next: ScheduleItem | null;
  /** Unpaid items past their due date. */
  overdueCount: number;
}

export interface CheckInStatus {
  /** Rhythm in days; null when the project has none. */
  everyDays: number | null;
  lastContactAt: number | null;
  /** Calendar days since the last logged contact in the user's zone; null when never logged. */
  daysSinceContact: number | null;
  /** Day the next check-in is due: last contact (else creation or a later start) + rhythm; null without rhythm. */
  dueDate: IsoDate | null;
  overdue: boolean;
  /** Days past dueDate, 0 when not late. */
  daysLate: number;
}

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

/** Milestones in due order: dated ones by date, then undated; ties by title, then id. */
export function compareMilestones(a: MilestoneInput, b: MilestoneInput): number {
  if (a.dueDate && b.dueDate && a.dueDate !== b.dueDate) return compareIsoDates(a.dueDate, b.dueDate);
  if (a.dueDate && !b.dueDate) return -1;
  if (!a.dueDate && b.dueDate) return 1;
  const ca = a.createdAt ?? 0;
  const cb = b.createdAt ?? 0;
  if (ca !== cb) return ca - cb;
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
export function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function toDue(m: MilestoneInput, today: IsoDate): MilestoneDue {
  return {
    id: m.id,
    title: m.title,
    dueDate: m.dueDate ?? null,
    status: m.status,
    amountMinor: m.amountMinor ?? null,
    daysUntilDue: m.dueDate ? daysBetween(today, m.dueDate) : null,
  };
}

export function checkInStatus(project: ProjectInput, now: number, timeZone: string): CheckInStatus {
  const today = todayIn(now, timeZone);
  const lastContactAt = project.lastContactAt ?? null;
  const daysSinceContact =
    lastContactAt === null ? null : Math.max(0, daysBetween(dateInZone(lastContactAt, timeZone), today));
  const every = project.checkInDays && project.checkInDays > 0 ? project.checkInDays : null;
  if (every === null) {
    return { everyDays: null, lastContactAt, daysSinceContact, dueDate: null, overdue: false, daysLate: 0 };
  }
  // Never contacted: the rhythm runs from when the project was created, or from its start date
  // when that is later (no nagging about a project that has not begun).
  let baseline = dateInZone(lastContactAt ?? project.createdAt, timeZone);
  if (lastContactAt === null && project.startDate && project.startDate > baseline) baseline = project.startDate;
  const dueDate = addDays(baseline, every);
  const daysLate = Math.max(0, daysBetween(dueDate, today));
  return { everyDays: every, lastContactAt, daysSinceContact, dueDate, overdue: daysLate > 0, daysLate };
}

const MAX_PERIODS = 520;

/**
 * Planned payments against payments made. Planned payments are the milestones with an amount
 * (for a retainer without such milestones: one per period from the start to the deadline, or one
 * past today when there is no deadline). Payments linked to a milestone pay it; the others (and
 * those linked to a deleted milestone) pay the planned items in order, oldest first. A milestone
 * marked paid counts as paid even without a recorded payment, but still absorbs unlinked
 * payments first, so "marked paid and logged the payment unlinked" is not counted twice.
 * Payments in another currency are not counted (no conversion).
 */
export function paymentSchedule(bundle: ProjectBundle, today: IsoDate): PaymentSchedule {
  const { project, milestones, payments } = bundle;
  const inCurrency = payments.filter((p) => p.currency === project.currency);
  const milestoneIds = new Set(milestones.map((m) => m.id));
  const linked = new Map<string, number>();
  let pool = 0;
  for (const p of inCurrency) {
    if (p.milestoneId !== undefined && milestoneIds.has(p.milestoneId)) {
      linked.set(p.milestoneId, (linked.get(p.milestoneId) ?? 0) + p.amountMinor);
    } else pool += p.amountMinor;
  }

  type Planned = Omit<ScheduleItem, 'paidMinor' | 'paid' | 'overdue'> & { markedPaid: boolean };
  let planned: Planned[] = [...milestones]
    .filter((m) => (m.amountMinor ?? 0) > 0)
    .sort(compareMilestones)
    .map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate ?? null,
      amountMinor: m.amountMinor ?? 0,
      source: 'milestone' as const,
      markedPaid: m.status === 'paid',
    }));
  if (planned.length === 0 && project.paymentModel === 'retainer' && project.startDate && (project.rateMinor ?? 0) > 0) {
    const period = project.retainerPeriod ?? 'month';
    const count = project.deadline
      ? periodsStarted(project.startDate, project.deadline, period)
      : periodsStarted(project.startDate, today, period) + 1;
    planned = Array.from({ length: Math.min(count, MAX_PERIODS) }, (_, n) => ({
      id: `period-${n + 1}`,
      title: `${period === 'week' ? 'Week' : 'Month'} ${n + 1}`,
      dueDate: periodStart(project.startDate!, period, n),
      amountMinor: project.rateMinor ?? 0,
      source: 'period' as const,
      markedPaid: false,
    }));
  }

  const items: ScheduleItem[] = planned.map(({ markedPaid, ...item }) => {
    const fromLinked = linked.get(item.id) ?? 0;
    const take = Math.max(0, Math.min(pool, item.amountMinor - fromLinked));
    pool -= take;
    const paidMinor = fromLinked + take;
    const paid = markedPaid || paidMinor >= item.amountMinor;
    const overdue = !paid && item.dueDate !== null && compareIsoDates(item.dueDate, today) < 0;
    return { ...item, paidMinor, paid, overdue };
  });
  const firstUnpaid = items.find((i) => !i.paid);
  return {
    items,
    plannedCount: items.length,
    paidCount: items.filter((i) => i.paid).length,
    plannedMinor: items.reduce((s, i) => s + i.amountMinor, 0),
    next: firstUnpaid
      ? { ...firstUnpaid, amountMinor: Math.max(0, firstUnpaid.amountMinor - firstUnpaid.paidMinor) }
      : null,
    overdueCount: items.filter((i) => i.overdue).length,
  };
}

/**
 * "2 of 4 payments made; next $500 due 1 Dec", "All 3 payments made", or "" when there is no
 * schedule. `today` only decides whether the year is shown.
 */
export function describeSchedule(schedule: PaymentSchedule, currency: string, locale?: string, today?: IsoDate): string {
  if (schedule.plannedCount === 0) return '';
  const noun = schedule.plannedCount === 1 ? 'payment' : 'payments';
  if (!schedule.next) {
    return schedule.plannedCount === 1 ? '1 payment made' : `All ${schedule.plannedCount} payments made`;
  }
  const amount = formatMoney(schedule.next.amountMinor, currency, locale, { trimZeroFraction: true });
  const due = schedule.next.dueDate ? ` due ${formatDay(schedule.next.dueDate, locale, today)}` : '';
  return `${schedule.paidCount} of ${schedule.plannedCount} ${noun} made; next ${amount}${due}`;
}

export function forecast(bundle: ProjectBundle, today: IsoDate, schedule?: PaymentSchedule): Forecast {
  const { project, milestones } = bundle;
  const budget = project.budgetMinor ?? null;
  const rate = project.rateMinor ?? null;
  const milestoneSum = milestones.reduce((s, m) => s + (m.amountMinor ?? 0), 0);
  const hasMilestoneAmounts = milestones.some((m) => m.amountMinor !== undefined);
  let totalMinor: number | null = null;
  let toDateMinor: number | null = null;
  const out: Omit<Forecast, 'totalMinor' | 'toDateMinor' | 'exceedsBudget'> = { model: project.paymentModel };

  switch (project.paymentModel) {
    case 'fixed':
      totalMinor = budget ?? (hasMilestoneAmounts ? milestoneSum : null);
      break;
    case 'hourly': {
      const est = project.estimatedHours ?? null;
      const logged = project.hoursLogged ?? null;
      totalMinor = rate !== null && est !== null ? Math.round(rate * est) : null;
      toDateMinor = rate !== null && logged !== null ? Math.round(rate * logged) : null;
      out.hourly = { rateMinor: rate, estimatedHours: est, hoursLogged: logged };
      break;
    }
    case 'retainer': {
      const period = project.retainerPeriod ?? 'month';
      const start = project.startDate;
      let periodsToDeadline: number | null = null;
      let periodsToDate: number | null = null;
      if (start) {
        periodsToDeadline = project.deadline ? periodsStarted(start, project.deadline, period) : null;
        periodsToDate = periodsStarted(start, today, period);
        // After the deadline nothing more accrues.
        if (periodsToDeadline !== null) periodsToDate = Math.min(periodsToDate, periodsToDeadline);
      }
      totalMinor = rate !== null && periodsToDeadline !== null ? rate * periodsToDeadline : null;
      toDateMinor = rate !== null && periodsToDate !== null ? rate * periodsToDate : null;
      out.retainer = { period, amountMinor: rate, periodsToDate, periodsToDeadline };
      break;
    }
    case 'milestones': {
      const sched = schedule ?? paymentSchedule(bundle, today);
      const open = sched.items.filter((i) => i.source === 'milestone' && !i.paid);
      totalMinor = milestoneSum;
      toDateMinor = milestones.filter(isDelivered).reduce((s, m) => s + (m.amountMinor ?? 0), 0);
      out.milestones = {
        count: milestones.length,
        openCount: open.length,
        openMinor: open.reduce((s, i) => s + i.amountMinor - i.paidMinor, 0),
      };
      break;
    }
  }
  return { ...out, totalMinor, toDateMinor, exceedsBudget: budget !== null && totalMinor !== null && totalMinor > budget };
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
  const open = milestones
    .filter((m) => !isDelivered(m) && !isPaidInFull(m, payments, project.currency))
    .sort(compareMilestones);
  const next = open[0];
  const soonLimit = addDays(today, dueSoonDays);
  const overdueMilestones = open.filter((m) => m.dueDate && m.dueDate < today).map((m) => toDue(m, today));
  const dueSoonMilestones = open
    .filter((m) => m.dueDate && m.dueDate >= today && m.dueDate <= soonLimit)
    .map((m) => toDue(m, today));

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
