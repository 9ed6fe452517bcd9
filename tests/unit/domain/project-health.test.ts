import { describe, expect, it } from 'vitest';
import {
  checkInStatus,
  compareMilestones,
  compareText,
  describeSchedule,
  forecast,
  isDelivered,
  paymentSchedule,
  projectHealth,
} from '../../../lib/domain/project-health';
import { NOW, TODAY, at, bundle, milestone, payment, project } from './fixtures';

const UTC = { timeZone: 'UTC' };

describe('projectHealth: budget', () => {
  it('sums payments in the project currency and reports others apart, unconverted', () => {
    const h = projectHealth(
      bundle({ budgetMinor: 100000 }, [], [payment(30000), payment(20000), payment(5000, { currency: 'EUR' })]),
      NOW,
      UTC,
    );
    expect(h.spentMinor).toBe(50000);
    expect(h.otherCurrencies).toEqual({ EUR: 5000 });
    expect(h.remainingMinor).toBe(50000);
    expect(h.budgetUsed).toBe(0.5);
    expect(h.budgetUsedPercent).toBe(50);
    expect(h.budgetBarPercent).toBe(50);
    expect(h.overBudget).toBe(false);
    expect(h.nearBudget).toBe(false);
    expect(h.flags).toEqual([]);
    expect(h.today).toBe(TODAY);
    expect(h.currency).toBe('USD');
  });

  it('flags a project over budget, with the bar clamped at 100', () => {
    const h = projectHealth(bundle({ budgetMinor: 100000 }, [], [payment(95000), payment(10000)]), NOW, UTC);
    expect(h.spentMinor).toBe(105000);
    expect(h.remainingMinor).toBe(-5000);
    expect(h.budgetUsed).toBe(1.05);
    expect(h.budgetUsedPercent).toBe(105);
    expect(h.budgetBarPercent).toBe(100);
    expect(h.overBudget).toBe(true);
    expect(h.flags).toEqual(expect.arrayContaining(['over-budget', 'near-budget']));
  });

  it('is near budget from 90 % used', () => {
    expect(projectHealth(bundle({ budgetMinor: 100000 }, [], [payment(90000)]), NOW, UTC).nearBudget).toBe(true);
    expect(projectHealth(bundle({ budgetMinor: 100000 }, [], [payment(89999)]), NOW, UTC).nearBudget).toBe(false);
    expect(projectHealth(bundle({ budgetMinor: 100000 }, [], [payment(80000)]), NOW, { ...UTC, nearBudgetRatio: 0.8 }).nearBudget).toBe(
      true,
    );
  });

  it('has no ratio without a budget, and treats a zero budget as "any spending is over"', () => {
    const none = projectHealth(bundle({}, [], [payment(1000)]), NOW, UTC);
    expect(none).toMatchObject({ budgetMinor: null, remainingMinor: null, budgetUsed: null, budgetBarPercent: null, overBudget: false });
    const zero = projectHealth(bundle({ budgetMinor: 0 }, [], []), NOW, UTC);
    expect(zero).toMatchObject({ budgetMinor: 0, spentMinor: 0, remainingMinor: 0, budgetUsed: null, overBudget: false });
    const zeroSpent = projectHealth(bundle({ budgetMinor: 0 }, [], [payment(100)]), NOW, UTC);
    expect(zeroSpent).toMatchObject({ remainingMinor: -100, budgetUsed: null, overBudget: true });
  });

  it('counts zero and negative (refund) payments', () => {
    const h = projectHealth(bundle({ budgetMinor: 10000 }, [], [payment(0), payment(6000), payment(-1000)]), NOW, UTC);
    expect(h.spentMinor).toBe(5000);
    expect(h.budgetUsed).toBe(0.5);
  });

  it('keeps JPY budgets in yen and KWD in fils', () => {
    const jpy = projectHealth(bundle({ currency: 'JPY', budgetMinor: 300000 }, [], [payment(75000, { currency: 'JPY' })]), NOW, UTC);
    expect(jpy).toMatchObject({ spentMinor: 75000, remainingMinor: 225000, budgetUsed: 0.25 });
    const kwd = projectHealth(
      bundle({ currency: 'KWD', budgetMinor: 1500 }, [], [payment(1500, { currency: 'KWD' }), payment(100, { currency: 'USD' })]),
      NOW,
      UTC,
    );
    expect(kwd).toMatchObject({ spentMinor: 1500, budgetUsed: 1, overBudget: false, nearBudget: true });
    expect(kwd.otherCurrencies).toEqual({ USD: 100 });
  });
});

describe('projectHealth: forecast by model', () => {
  it('fixed: the budget, else the milestones', () => {
    expect(projectHealth(bundle({ budgetMinor: 100000 }), NOW, UTC).forecast).toMatchObject({
      model: 'fixed',
      totalMinor: 100000,
      toDateMinor: null,
      exceedsBudget: false,
    });
    const noBudget = bundle({}, [milestone({ amountMinor: 30000 }), milestone({ amountMinor: 20000 })]);
    expect(projectHealth(noBudget, NOW, UTC).forecast.totalMinor).toBe(50000);
    expect(projectHealth(bundle({}), NOW, UTC).forecast.totalMinor).toBeNull();
  });

  it('hourly: estimated hours × rate, and hours logged × rate to date', () => {
    const h = projectHealth(
      bundle({ paymentModel: 'hourly', rateMinor: 4500, estimatedHours: 40, hoursLogged: 12.5, budgetMinor: 150000 }),
      NOW,
      UTC,
    );
    // 40 × 45.00 = 1,800.00 ; 12.5 × 45.00 = 562.50
    expect(h.forecast).toMatchObject({ model: 'hourly', totalMinor: 180000, toDateMinor: 56250, exceedsBudget: true });
    expect(h.forecast.hourly).toEqual({ rateMinor: 4500, estimatedHours: 40, hoursLogged: 12.5 });
    expect(h.flags).toContain('forecast-over-budget');
  });

  it('hourly: rounds fractional minor units and says null when something is missing', () => {
    const h = projectHealth(bundle({ paymentModel: 'hourly', rateMinor: 3333, hoursLogged: 0.5 }), NOW, UTC);
    // 0.5 × 33.33 = 16.665 → 16.67 (1666.5 minor rounds up)
    expect(h.forecast).toMatchObject({ totalMinor: null, toDateMinor: 1667 });
    expect(projectHealth(bundle({ paymentModel: 'hourly', estimatedHours: 10 }), NOW, UTC).forecast).toMatchObject({
      totalMinor: null,
      toDateMinor: null,
    });
  });

  it('retainer per month: periods begun to date and to the deadline', () => {
    const h = projectHealth(
      bundle({
        paymentModel: 'retainer',
        retainerPeriod: 'month',
        rateMinor: 200000,
        startDate: '2026-09-15',
        deadline: '2027-03-14',
      }),
      NOW,
      UTC,
    );
    // To 27 Nov: 15 Sep, 15 Oct, 15 Nov = 3. To 14 Mar: Sep…Feb = 6 (15 Mar is after the deadline).
    expect(h.forecast.retainer).toEqual({ period: 'month', amountMinor: 200000, periodsToDate: 3, periodsToDeadline: 6 });
    expect(h.forecast).toMatchObject({ totalMinor: 1200000, toDateMinor: 600000 });
  });

  it('retainer per week, and nothing accrues after the deadline', () => {
    const p = {
      paymentModel: 'retainer' as const,
      retainerPeriod: 'week' as const,
      rateMinor: 50000,
      startDate: '2026-11-02',
      deadline: '2026-11-29',
    };
    // 2, 9, 16, 23 Nov begun by the 27th; the deadline (29th) adds none.
    expect(projectHealth(bundle(p), NOW, UTC).forecast).toMatchObject({ totalMinor: 200000, toDateMinor: 200000 });
    // On 10 Dec six weeks would have begun, but the deadline caps it at four.
    const later = projectHealth(bundle(p), at('2026-12-10T12:00:00Z'), UTC);
    expect(later.forecast.retainer?.periodsToDate).toBe(4);
  });

  it('retainer from 31 Jan renews on 29 Feb in a leap year', () => {
    const p = { paymentModel: 'retainer' as const, rateMinor: 1000, startDate: '2028-01-31' };
    expect(projectHealth(bundle(p), at('2028-02-28T12:00:00Z'), UTC).forecast.retainer?.periodsToDate).toBe(1);
    expect(projectHealth(bundle(p), at('2028-02-29T12:00:00Z'), UTC).forecast).toMatchObject({
      toDateMinor: 2000,
      totalMinor: null,
      retainer: { period: 'month', periodsToDate: 2, periodsToDeadline: null },
    });
  });

  it('retainer not started yet or without a start date', () => {
    const future = projectHealth(bundle({ paymentModel: 'retainer', rateMinor: 1000, startDate: '2027-01-01' }), NOW, UTC);
    expect(future.forecast).toMatchObject({ toDateMinor: 0 });
    const noStart = projectHealth(bundle({ paymentModel: 'retainer', rateMinor: 1000 }), NOW, UTC);
    expect(noStart.forecast).toMatchObject({ totalMinor: null, toDateMinor: null });
  });

  it('milestones: sum of all, delivered to date, and the open (unpaid) ones', () => {
    const ms = [
      milestone({ id: 'design', title: 'Design', dueDate: '2026-11-20', amountMinor: 50000, status: 'paid' }),
      milestone({ id: 'build', title: 'Build', dueDate: '2026-11-25', amountMinor: 100000, status: 'approved' }),
      milestone({ id: 'test', title: 'Test', dueDate: '2026-12-01', amountMinor: 30000, status: 'in-progress' }),
      milestone({ id: 'launch', title: 'Launch', dueDate: '2026-12-15', amountMinor: 20000 }),
      milestone({ id: 'kickoff', title: 'Kickoff call' }),
    ];
    const h = projectHealth(
      bundle({ paymentModel: 'milestones', budgetMinor: 200000 }, ms, [
        payment(50000, { milestoneId: 'design' }),
        payment(40000, { milestoneId: 'build' }),
      ]),
      NOW,
      UTC,
    );
    expect(h.forecast).toMatchObject({ model: 'milestones', totalMinor: 200000, toDateMinor: 150000, exceedsBudget: false });
    // Build is 60,000 short, Test 30,000, Launch 20,000.
    expect(h.forecast.milestones).toEqual({ count: 5, openCount: 3, openMinor: 110000 });
  });
});

describe('projectHealth: milestones', () => {
  const ms = () => [
    milestone({ id: 'a', title: 'Late one', dueDate: '2026-11-20' }),
    milestone({ id: 'b', title: 'Delivered late', dueDate: '2026-11-19', status: 'approved' }),
    milestone({ id: 'c', title: 'Paid late', dueDate: '2026-11-18', status: 'paid' }),
    milestone({ id: 'd', title: 'Submitted late', dueDate: '2026-11-26', status: 'submitted' }),
    milestone({ id: 'e', title: 'Today', dueDate: '2026-11-27', status: 'in-progress' }),
    milestone({ id: 'f', title: 'In three days', dueDate: '2026-11-30' }),
    milestone({ id: 'g', title: 'In four days', dueDate: '2026-12-01' }),
    milestone({ id: 'h', title: 'Someday' }),
  ];

  it('lists overdue ones (not approved or paid) in due order', () => {
    const h = projectHealth(bundle({}, ms()), NOW, UTC);
    expect(h.overdueMilestones.map((m) => m.id)).toEqual(['a', 'd']);
    expect(h.overdueMilestones[0]).toEqual({
      id: 'a',
      title: 'Late one',
      dueDate: '2026-11-20',
      status: 'pending',
      amountMinor: null,
      daysUntilDue: -7,
    });
    expect(h.flags).toContain('milestone-overdue');
  });

  it('lists due-soon ones within dueSoonDays, today included', () => {
    expect(projectHealth(bundle({}, ms()), NOW, UTC).dueSoonMilestones.map((m) => [m.id, m.daysUntilDue])).toEqual([
      ['e', 0],
      ['f', 3],
    ]);
    expect(projectHealth(bundle({}, ms()), NOW, { ...UTC, dueSoonDays: 0 }).dueSoonMilestones.map((m) => m.id)).toEqual(['e']);
    expect(projectHealth(bundle({}, ms()), NOW, { ...UTC, dueSoonDays: 4 }).dueSoonMilestones.map((m) => m.id)).toEqual(['e', 'f', 'g']);
  });

  it('picks the next milestone: earliest not delivered, undated last', () => {
    expect(projectHealth(bundle({}, ms()), NOW, UTC).nextMilestone?.id).toBe('a');
    const onlyUndated = [
      milestone({ id: 'x', title: 'Undated' }),
      milestone({ id: 'y', title: 'Done', dueDate: '2026-12-01', status: 'paid' }),
    ];
    expect(projectHealth(bundle({}, onlyUndated), NOW, UTC).nextMilestone).toMatchObject({ id: 'x', dueDate: null, daysUntilDue: null });
    expect(projectHealth(bundle({}, []), NOW, UTC).nextMilestone).toBeNull();
  });

  it('sees a due date from UTC−10 and UTC+14 near midnight', () => {
    const b = bundle({}, [milestone({ id: 'due', title: 'Due 1 Dec', dueDate: '2026-12-01' })]);
    // 10:30 UTC on 1 Dec: 00:30 on 1 Dec in Honolulu (due today), 00:30 on 2 Dec in Kiritimati (a day late).
    const t1 = at('2026-12-01T10:30:00Z');
    const honolulu = projectHealth(b, t1, { timeZone: 'Pacific/Honolulu' });
    expect(honolulu.overdueMilestones).toEqual([]);
    expect(honolulu.dueSoonMilestones.map((m) => m.daysUntilDue)).toEqual([0]);
    const kiritimati = projectHealth(b, t1, { timeZone: 'Pacific/Kiritimati' });
    expect(kiritimati.overdueMilestones.map((m) => m.daysUntilDue)).toEqual([-1]);
    expect(kiritimati.flags).toContain('milestone-overdue');
    // One hour earlier Honolulu is still on 30 Nov (due tomorrow) and Kiritimati on 1 Dec (due today).
    const t0 = at('2026-12-01T09:30:00Z');
    expect(projectHealth(b, t0, { timeZone: 'Pacific/Honolulu' }).nextMilestone?.daysUntilDue).toBe(1);
    expect(projectHealth(b, t0, { timeZone: 'Pacific/Kiritimati' }).nextMilestone?.daysUntilDue).toBe(0);
  });

  it('handles a milestone due on a leap day', () => {
    const b = bundle({}, [milestone({ dueDate: '2028-02-29' })]);
    expect(projectHealth(b, at('2028-02-28T12:00:00Z'), UTC).nextMilestone?.daysUntilDue).toBe(1);
    // 00:30 UTC on 1 Mar is 01:30 in Berlin (a day late) but 14:30 on 29 Feb in Honolulu (due today).
    const t = at('2028-03-01T00:30:00Z');
    expect(projectHealth(b, t, { timeZone: 'Europe/Berlin' }).overdueMilestones.map((m) => m.daysUntilDue)).toEqual([-1]);
    expect(projectHealth(b, t, { timeZone: 'Pacific/Honolulu' }).overdueMilestones).toEqual([]);
  });

  it('raises no flags for projects that are not active', () => {
    for (const status of ['planned', 'paused', 'completed', 'cancelled'] as const) {
      const h = projectHealth(bundle({ status, budgetMinor: 100, checkInDays: 1 }, ms(), [payment(1000)]), NOW, UTC);
      expect(h.overdueMilestones.length).toBe(2);
      expect(h.overBudget).toBe(true);
      expect(h.flags).toEqual([]);
    }
  });

  it('reports days to the deadline and a past deadline', () => {
    expect(projectHealth(bundle({ deadline: '2026-12-01' }), NOW, UTC).daysToDeadline).toBe(4);
    const past = projectHealth(bundle({ deadline: '2026-11-26' }), NOW, UTC);
    expect(past.daysToDeadline).toBe(-1);
    expect(past.flags).toContain('past-deadline');
    expect(projectHealth(bundle({}), NOW, UTC).daysToDeadline).toBeNull();
  });
});

describe('compareMilestones', () => {
  it('orders by due date, undated last, then creation, title, id', () => {
    const list = [
      milestone({ id: '4', title: 'Undated', createdAt: 1 }),
      milestone({ id: '3', title: 'B', dueDate: '2026-12-02' }),
      milestone({ id: '2', title: 'A', dueDate: '2026-12-02' }),
      milestone({ id: '1', title: 'Z', dueDate: '2026-12-01' }),
      milestone({ id: '0', title: 'Undated', createdAt: 1 }),
    ];
    expect([...list].sort(compareMilestones).map((m) => m.id)).toEqual(['1', '2', '3', '0', '4']);
  });
});

describe('checkInStatus', () => {
  it('is overdue the day after last contact + rhythm', () => {
    const p = project({ checkInDays: 7, lastContactAt: at('2026-11-18T15:00:00Z') });
    expect(checkInStatus(p, NOW, 'UTC')).toEqual({
      everyDays: 7,
      lastContactAt: at('2026-11-18T15:00:00Z'),
      daysSinceContact: 9,
      dueDate: '2026-11-25',
      overdue: true,
      daysLate: 2,
    });
    // On the due day itself it is due, not late.
    expect(checkInStatus(p, at('2026-11-25T20:00:00Z'), 'UTC')).toMatchObject({ daysSinceContact: 7, overdue: false, daysLate: 0 });
  });

  it('counts calendar days in the user zone across DST', () => {
    // Contact at 00:30 CEST on 25 Oct; 24 h later it is 23:30 CET the same day: not yet a day.
    const p = project({ checkInDays: 1, lastContactAt: at('2026-10-24T22:30:00Z') });
    expect(checkInStatus(p, at('2026-10-25T22:30:00Z'), 'Europe/Berlin')).toMatchObject({
      daysSinceContact: 0,
      dueDate: '2026-10-26',
      overdue: false,
    });
    // Seen from UTC the contact was on the 24th, and the 25th at 22:30 is a day later.
    expect(checkInStatus(p, at('2026-10-25T22:30:00Z'), 'UTC')).toMatchObject({
      daysSinceContact: 1,
      dueDate: '2026-10-25',
      overdue: false,
    });
    expect(checkInStatus(p, at('2026-10-26T22:30:00Z'), 'UTC')).toMatchObject({ daysSinceContact: 2, overdue: true, daysLate: 1 });
  });

  it('runs the rhythm from the creation day when no contact was logged', () => {
    const p = project({ checkInDays: 7, createdAt: at('2026-11-10T10:00:00Z') });
    expect(checkInStatus(p, NOW, 'UTC')).toMatchObject({ daysSinceContact: null, dueDate: '2026-11-17', overdue: true, daysLate: 10 });
  });

  it('runs it from a later start date instead, so a project not begun is not nagged', () => {
    const p = project({ checkInDays: 7, createdAt: at('2026-11-01T10:00:00Z'), startDate: '2026-11-25' });
    expect(checkInStatus(p, NOW, 'UTC')).toMatchObject({ dueDate: '2026-12-02', overdue: false });
    // A logged contact wins over the start date.
    const contacted = project({ ...p, lastContactAt: at('2026-11-10T10:00:00Z') });
    expect(checkInStatus(contacted, NOW, 'UTC')).toMatchObject({ dueDate: '2026-11-17', overdue: true, daysLate: 10 });
  });

  it('has no rhythm with 0 or no checkInDays, but still reports days since contact', () => {
    const p = project({ checkInDays: 0, lastContactAt: at('2026-11-20T10:00:00Z') });
    expect(checkInStatus(p, NOW, 'UTC')).toEqual({
      everyDays: null,
      lastContactAt: at('2026-11-20T10:00:00Z'),
      daysSinceContact: 7,
      dueDate: null,
      overdue: false,
      daysLate: 0,
    });
    expect(checkInStatus(project(), NOW, 'UTC')).toMatchObject({ everyDays: null, daysSinceContact: null, overdue: false });
  });

  it('never reports negative days for a contact logged "in the future" (clock skew)', () => {
    const p = project({ checkInDays: 3, lastContactAt: at('2026-11-29T10:00:00Z') });
    expect(checkInStatus(p, NOW, 'UTC')).toMatchObject({ daysSinceContact: 0, overdue: false, daysLate: 0 });
  });

  it('feeds the check-in flag of an active project', () => {
    const h = projectHealth(bundle({ checkInDays: 7, lastContactAt: at('2026-11-18T15:00:00Z') }), NOW, UTC);
    expect(h.checkIn.daysLate).toBe(2);
    expect(h.flags).toEqual(['check-in-overdue']);
  });
});

describe('paymentSchedule / describeSchedule', () => {
  const three = () => [
    milestone({ id: 'A', title: 'A', dueDate: '2026-11-01', amountMinor: 50000 }),
    milestone({ id: 'B', title: 'B', dueDate: '2026-12-01', amountMinor: 50000 }),
    milestone({ id: 'C', title: 'C', dueDate: '2027-01-01', amountMinor: 50000 }),
  ];

  it('counts unlinked payments in order, oldest planned payment first', () => {
    const s = paymentSchedule(bundle({}, three(), [payment(50000), payment(20000)]), TODAY);
    expect(s.items.map((i) => [i.id, i.paidMinor, i.paid])).toEqual([
      ['A', 50000, true],
      ['B', 20000, false],
      ['C', 0, false],
    ]);
    expect(s).toMatchObject({ plannedCount: 3, paidCount: 1, plannedMinor: 150000, overdueCount: 0 });
    expect(s.next).toMatchObject({ id: 'B', amountMinor: 30000, dueDate: '2026-12-01' });
    expect(describeSchedule(s, 'USD', 'en-US', TODAY)).toBe('1 of 3 payments made; next $300 due Dec 1');
  });

  it('lets linked payments pay their own milestone', () => {
    const s = paymentSchedule(bundle({}, three(), [payment(50000), payment(20000), payment(50000, { milestoneId: 'C' })]), TODAY);
    expect(s.items.map((i) => i.paid)).toEqual([true, false, true]);
    expect(describeSchedule(s, 'USD', 'en-US', TODAY)).toBe('2 of 3 payments made; next $300 due Dec 1');
  });

  it('matches the issue example: "2 of 4 payments made; next $500 due 1 Dec"', () => {
    const ms = [
      milestone({ id: '1', title: 'Kick-off', dueDate: '2026-11-01', amountMinor: 50000, status: 'paid' }),
      milestone({ id: '2', title: 'Design', dueDate: '2026-11-15', amountMinor: 50000, status: 'approved' }),
      milestone({ id: '3', title: 'Build', dueDate: '2026-12-01', amountMinor: 50000 }),
      milestone({ id: '4', title: 'Launch', dueDate: '2026-12-20', amountMinor: 50000 }),
    ];
    const s = paymentSchedule(bundle({}, ms, [payment(50000, { milestoneId: '1' }), payment(50000, { milestoneId: '2' })]), TODAY);
    expect(describeSchedule(s, 'USD', 'en-US', TODAY)).toBe('2 of 4 payments made; next $500 due Dec 1');
    expect(describeSchedule(s, 'EUR', 'en-GB', TODAY)).toBe('2 of 4 payments made; next €500 due 1 Dec');
  });

  it('counts a milestone marked paid without a payment, and does not count a duplicate unlinked payment twice', () => {
    const ms = three();
    ms[0]!.status = 'paid';
    expect(paymentSchedule(bundle({}, ms, []), TODAY).paidCount).toBe(1);
    // Marked paid and the payment logged unlinked: it pays A, not B.
    const s = paymentSchedule(bundle({}, ms, [payment(50000)]), TODAY);
    expect(s.items.map((i) => i.paid)).toEqual([true, false, false]);
  });

  it('treats a payment linked to a deleted milestone as unlinked, and ignores other currencies', () => {
    const s = paymentSchedule(
      bundle({}, three(), [payment(50000, { milestoneId: 'deleted' }), payment(50000, { currency: 'EUR' })]),
      TODAY,
    );
    expect(s.items.map((i) => i.paidMinor)).toEqual([50000, 0, 0]);
  });

  it('marks unpaid planned payments past their due date as overdue', () => {
    const s = paymentSchedule(bundle({}, three(), []), TODAY);
    expect(s.items.map((i) => i.overdue)).toEqual([true, false, false]);
    expect(s.overdueCount).toBe(1);
    expect(projectHealth(bundle({}, three(), []), NOW, UTC).flags).toContain('payment-overdue');
  });

  it('leaves out milestones without an amount or with a zero amount', () => {
    const ms = [milestone({ amountMinor: 0 }), milestone({}), milestone({ id: 'X', amountMinor: 100 })];
    const s = paymentSchedule(bundle({}, ms, []), TODAY);
    expect(s.items.map((i) => i.id)).toEqual(['X']);
    // No due date: nothing after the amount.
    expect(describeSchedule(s, 'USD', 'en-US', TODAY)).toBe('0 of 1 payment made; next $1');
  });

  it('says when everything is paid, and nothing without a schedule', () => {
    const paidAll = paymentSchedule(bundle({}, three(), [payment(150000)]), TODAY);
    expect(paidAll.next).toBeNull();
    expect(describeSchedule(paidAll, 'USD', 'en-US', TODAY)).toBe('All 3 payments made');
    const one = paymentSchedule(bundle({}, [milestone({ amountMinor: 100 })], [payment(100)]), TODAY);
    expect(describeSchedule(one, 'USD', 'en-US', TODAY)).toBe('1 payment made');
    const none = paymentSchedule(bundle({}, [], [payment(100)]), TODAY);
    expect(none).toMatchObject({ plannedCount: 0, paidCount: 0, next: null });
    expect(describeSchedule(none, 'USD', 'en-US', TODAY)).toBe('');
  });

  it('shows the year of a next payment due in another year, and JPY without decimals', () => {
    const ms = [milestone({ dueDate: '2027-01-05', amountMinor: 50000 })];
    const s = paymentSchedule(bundle({ currency: 'JPY' }, ms, []), TODAY);
    expect(describeSchedule(s, 'JPY', 'en-US', TODAY)).toBe('0 of 1 payment made; next ¥50,000 due Jan 5, 2027');
    // British English tells the yen from the yuan.
    expect(describeSchedule(s, 'JPY', 'en-GB', TODAY)).toBe('0 of 1 payment made; next JP¥50,000 due 5 Jan 2027');
  });

  it('plans one payment per retainer period to the deadline', () => {
    const p = { paymentModel: 'retainer' as const, rateMinor: 50000, startDate: '2026-09-15', deadline: '2026-12-14' };
    const s = paymentSchedule(bundle(p, [], [payment(50000), payment(50000)]), TODAY);
    expect(s.items.map((i) => [i.title, i.dueDate])).toEqual([
      ['Month 1', '2026-09-15'],
      ['Month 2', '2026-10-15'],
      ['Month 3', '2026-11-15'],
    ]);
    expect(s.next).toMatchObject({ id: 'period-3', overdue: true });
    expect(describeSchedule(s, 'USD', 'en-US', TODAY)).toBe('2 of 3 payments made; next $500 due Nov 15');
  });

  it('plans retainer periods to date plus the next one when there is no deadline', () => {
    const p = { paymentModel: 'retainer' as const, retainerPeriod: 'week' as const, rateMinor: 10000, startDate: '2026-11-02' };
    const s = paymentSchedule(bundle(p, [], [payment(40000)]), TODAY);
    // 2, 9, 16, 23 Nov begun, 30 Nov next.
    expect(s.plannedCount).toBe(5);
    expect(s.paidCount).toBe(4);
    expect(s.next).toMatchObject({ title: 'Week 5', dueDate: '2026-11-30', amountMinor: 10000, overdue: false });
  });

  it('prefers milestones with amounts over retainer periods', () => {
    const p = { paymentModel: 'retainer' as const, rateMinor: 50000, startDate: '2026-09-15' };
    const s = paymentSchedule(bundle(p, [milestone({ id: 'M', amountMinor: 100 })], []), TODAY);
    expect(s.items.map((i) => i.source)).toEqual(['milestone']);
  });
});

describe('small helpers', () => {
  it('isDelivered: approved and paid count as delivered', () => {
    expect(['pending', 'in-progress', 'submitted', 'approved', 'paid'].map((status) => isDelivered({ status: status as never }))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('compareText: case-insensitive, numbers in numeric order, exact ties broken by code point', () => {
    expect(['b', 'A', 'a', 'Milestone 10', 'Milestone 9'].sort(compareText)).toEqual(['A', 'a', 'b', 'Milestone 9', 'Milestone 10']);
    expect(compareText('x', 'x')).toBe(0);
  });

  it('forecast can be called on its own', () => {
    expect(forecast(bundle({ paymentModel: 'hourly', rateMinor: 1000, estimatedHours: 3 }), TODAY)).toMatchObject({
      totalMinor: 3000,
      toDateMinor: null,
      exceedsBudget: false,
    });
  });
});
