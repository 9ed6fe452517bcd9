/** Issue 14: a retainer's next payment is reminded like a milestone; totals count its commitment. */
import { describe, expect, it } from 'vitest';
import { dashboardTotals } from '../../../lib/domain/dashboard';
import { dueReminders } from '../../../lib/domain/project-reminders';
import { NOW, bundle, payment } from './fixtures';

const opts = { timeZone: 'UTC', locale: 'en-US' };
const retainer = (startDate: string, deadline?: string) => ({
  paymentModel: 'retainer' as const,
  rateMinor: 800_00,
  retainerPeriod: 'month' as const,
  startDate,
  ...(deadline ? { deadline } : {}),
});

describe('retainer reminders', () => {
  it('the next period’s payment due tomorrow is reminded', () => {
    const b = bundle(retainer('2026-10-28'), [], [payment(800_00, { paidAt: '2026-10-28' })]);
    expect(dueReminders([b], NOW, opts).map((r) => r.message)).toEqual(['Retainer payment of $800 (Month 2) is due tomorrow']);
  });

  it('an unpaid period is overdue, counted on the badge like a milestone', () => {
    const b = bundle(retainer('2026-11-20'));
    const r = dueReminders([b], NOW, opts);
    expect(r.map((x) => [x.kind, x.message])).toEqual([['milestone-overdue', 'Retainer payment of $800 (Month 1) is 7 days overdue']]);
  });

  it('a paid-up retainer whose next payment is days away reminds nothing', () => {
    const b = bundle(retainer('2026-11-01'), [], [payment(800_00, { paidAt: '2026-11-01' })]);
    expect(dueReminders([b], NOW, opts)).toEqual([]);
  });
});

describe('retainer commitment in the totals', () => {
  it('counts the periods to the deadline, or those started so far, when there is no budget', () => {
    expect(dashboardTotals([bundle(retainer('2026-11-01', '2027-02-01'))], NOW, opts).committed).toEqual({ USD: 4 * 800_00 }); // Nov, Dec, Jan and the period starting on the deadline day, as the forecast counts;
    expect(dashboardTotals([bundle(retainer('2026-11-01'))], NOW, opts).committed).toEqual({ USD: 2 * 800_00 });
    expect(dashboardTotals([bundle({ ...retainer('2026-11-01'), budgetMinor: 5000_00 })], NOW, opts).committed).toEqual({ USD: 5000_00 });
  });
});
