/** Where a project's spending is heading: committed, paid, remaining and the projected total. */
import type { PaymentModel, RetainerPeriod } from '../db/schema';
import { periodsStarted, type IsoDate } from './dates';
import { paymentSchedule, type PaymentSchedule } from './payment-schedule';
import { isDelivered, type ProjectBundle } from './project-records';

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
