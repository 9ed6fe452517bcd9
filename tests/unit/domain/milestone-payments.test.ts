/** Issue 14: a milestone paid in full is paid and never overdue; completing a project closes its milestones. */
import { describe, expect, it } from 'vitest';
import { closeMilestones, isPaidInFull, statusAfterPayments } from '../../../lib/domain/milestone-payments';
import { projectHealth } from '../../../lib/domain/project-health';
import { badgeText, dueReminders } from '../../../lib/domain/project-reminders';
import { dashboardTotals } from '../../../lib/domain/dashboard';
import { NOW, bundle, milestone, payment } from './fixtures';

const opts = { timeZone: 'UTC' };

describe('milestone ↔ payment', () => {
  const wireframes = { id: 'w', status: 'pending' as const, amountMinor: 450_00 };

  it('a milestone is paid in full when its linked payments in the project currency cover it', () => {
    expect(isPaidInFull(wireframes, [{ milestoneId: 'w', amountMinor: 450_00, currency: 'USD' }], 'USD')).toBe(true);
    expect(isPaidInFull(wireframes, [{ milestoneId: 'w', amountMinor: 200_00, currency: 'USD' }], 'USD')).toBe(false);
    expect(isPaidInFull(wireframes, [{ milestoneId: 'w', amountMinor: 450_00, currency: 'EUR' }], 'USD')).toBe(false);
    expect(isPaidInFull({ ...wireframes, amountMinor: 0 }, [], 'USD')).toBe(false);
    expect(statusAfterPayments(wireframes, [{ milestoneId: 'w', amountMinor: 450_00, currency: 'USD' }], 'USD')).toBe('paid');
  });

  it('completing closes milestones: paid in full → paid, other open ones → approved', () => {
    const ms = [
      { id: 'a', status: 'pending' as const, amountMinor: 100 },
      { id: 'b', status: 'approved' as const, amountMinor: 100 },
      { id: 'c', status: 'in_progress' as const },
      { id: 'd', status: 'paid' as const, amountMinor: 100 },
    ];
    const pays = [
      { milestoneId: 'a', amountMinor: 100, currency: 'USD' },
      { milestoneId: 'b', amountMinor: 100, currency: 'USD' },
    ];
    expect(closeMilestones(ms as never, pays, 'USD')).toEqual([
      { id: 'a', status: 'paid' },
      { id: 'b', status: 'paid' },
      { id: 'c', status: 'approved' },
    ]);
  });

  it('a milestone paid in full but still "pending" is never overdue: popup, badge and tooltip agree', () => {
    const m = milestone({ title: 'Wireframes', dueDate: '2026-11-25', amountMinor: 450_00 });
    const b = bundle({ paymentModel: 'milestones', budgetMinor: 1500_00 }, [m], [payment(450_00, { milestoneId: m.id })]);
    const h = projectHealth(b, NOW, opts);
    expect(h.overdueMilestones).toEqual([]);
    expect(h.flags).not.toContain('milestone-overdue');
    expect(h.nextMilestone).toBeNull();
    expect(dueReminders([b], NOW, opts)).toEqual([]);
    expect(badgeText(dueReminders([b], NOW, opts).length)).toBe('');
    expect(dashboardTotals([b], NOW, opts).overdueMilestones).toBe(0);
  });
});
