/** Planned payments (milestones with an amount, or a retainer's periods) against payments made. */
import { compareIsoDates, formatDay, periodStart, periodsStarted, type IsoDate } from './dates';
import { formatMoney } from './money';
import { compareMilestones, type ProjectBundle } from './project-records';

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
    next: firstUnpaid ? { ...firstUnpaid, amountMinor: Math.max(0, firstUnpaid.amountMinor - firstUnpaid.paidMinor) } : null,
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
