/**
 * What the background's hourly alarm reports: milestones due within a day or overdue, check-ins
 * overdue, projects over budget. The number of reminders is the toolbar badge.
 */
import { addDays, daysBetween, type IsoDate } from './dates';
import { formatMoney } from './money';
import { compareText, isDelivered, projectHealth, type ProjectBundle, type HealthOptions } from './project-health';

export type ReminderKind = 'milestone-overdue' | 'milestone-due' | 'check-in-overdue' | 'over-budget';

export interface Reminder {
  /** Stable across runs (kind, project, milestone), so a notification is not repeated. */
  id: string;
  projectId: string;
  milestoneId?: string;
  kind: ReminderKind;
  /** Short title for a notification: the project's title. */
  title: string;
  /** One human sentence. */
  message: string;
  /** The date the reminder is about (due date, check-in date), for ordering. */
  date: IsoDate | null;
}

export interface ReminderOptions extends Pick<HealthOptions, 'timeZone'> {
  /** A milestone due within this many days (0 = today only) is reminded. Default 1 (today, tomorrow). */
  dueWithinDays?: number;
  locale?: string;
}

const KIND_ORDER: readonly ReminderKind[] = ['milestone-overdue', 'milestone-due', 'check-in-overdue', 'over-budget'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Reminders for active projects, most urgent first. */
export function dueReminders(bundles: readonly ProjectBundle[], now: number, options: ReminderOptions): Reminder[] {
  const within = Math.max(0, options.dueWithinDays ?? 1);
  const out: Reminder[] = [];
  for (const bundle of bundles) {
    const { project } = bundle;
    if (project.status !== 'active') continue;
    const health = projectHealth(bundle, now, { timeZone: options.timeZone, dueSoonDays: within });
    const limit = addDays(health.today, within);
    const base = { projectId: project.id, title: project.title };
    for (const m of bundle.milestones) {
      if (isDelivered(m) || !m.dueDate || m.dueDate > limit) continue;
      // Paid in full (the schedule says so) is never overdue nor due.
      if (!health.overdueMilestones.some((o) => o.id === m.id) && !health.dueSoonMilestones.some((d) => d.id === m.id)) continue;
      const days = health.overdueMilestones.find((o) => o.id === m.id)?.daysUntilDue;
      if (days !== undefined && days !== null) {
        out.push({
          ...base,
          id: `milestone-overdue:${project.id}:${m.id}`,
          milestoneId: m.id,
          kind: 'milestone-overdue',
          message: `“${m.title}” is ${plural(-days, 'day')} overdue`,
          date: m.dueDate,
        });
      } else {
        const until = health.dueSoonMilestones.find((d) => d.id === m.id)?.daysUntilDue ?? 0;
        const when = until === 0 ? 'today' : until === 1 ? 'tomorrow' : `in ${plural(until, 'day')}`;
        out.push({
          ...base,
          id: `milestone-due:${project.id}:${m.id}`,
          milestoneId: m.id,
          kind: 'milestone-due',
          message: `“${m.title}” is due ${when}`,
          date: m.dueDate,
        });
      }
    }
    // A retainer's next payment is reminded like a milestone (issue 14).
    const due = health.schedule.next;
    if (project.paymentModel === 'retainer' && due && due.source === 'period' && due.dueDate && due.dueDate <= limit) {
      const days = daysBetween(health.today, due.dueDate);
      const amount = formatMoney(due.amountMinor, project.currency, options.locale, { trimZeroFraction: true });
      const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
      out.push({
        ...base,
        id: `retainer-${days < 0 ? 'overdue' : 'due'}:${project.id}:${due.id}`,
        kind: days < 0 ? 'milestone-overdue' : 'milestone-due',
        message:
          days < 0
            ? `Retainer payment of ${amount} (${due.title}) is ${plural(-days, 'day')} overdue`
            : `Retainer payment of ${amount} (${due.title}) is due ${when}`,
        date: due.dueDate,
      });
    }
    if (health.checkIn.overdue) {
      const since = health.checkIn.daysSinceContact;
      out.push({
        ...base,
        id: `check-in-overdue:${project.id}`,
        kind: 'check-in-overdue',
        message:
          since === null
            ? `No check-in logged yet (planned every ${plural(health.checkIn.everyDays ?? 0, 'day')})`
            : `No contact for ${plural(since, 'day')} (check in every ${plural(health.checkIn.everyDays ?? 0, 'day')})`,
        date: health.checkIn.dueDate,
      });
    }
    if (health.overBudget && health.budgetMinor !== null) {
      const spent = formatMoney(health.spentMinor, project.currency, options.locale);
      const budget = formatMoney(health.budgetMinor, project.currency, options.locale);
      out.push({
        ...base,
        id: `over-budget:${project.id}`,
        kind: 'over-budget',
        message: `Over budget: ${spent} spent of ${budget}`,
        date: null,
      });
    }
  }
  return out.sort(compareReminders);
}

export function compareReminders(a: Reminder, b: Reminder): number {
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (k !== 0) return k;
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return compareText(a.title, b.title) || compareText(a.id, b.id);
}

/** Toolbar badge text: "" for none (hides the badge), the count, or "99+". */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
