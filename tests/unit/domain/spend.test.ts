/** Spend reports (issue 16): month ends, several currencies, refunds, committed/paid/remaining. */
import { describe, expect, it } from 'vitest';
import type { Milestone, Payment, Project } from '../../../lib/db/schema';
import { committedOf, monthsBetween, spendReport } from '../../../lib/domain/spend';

const T = Date.UTC(2026, 0, 1);
let n = 0;
function project(patch: Partial<Project> & Pick<Project, 'id'>): Project {
  return { title: patch.id, status: 'active', paymentModel: 'fixed', currency: 'USD', contract: {}, createdAt: T, updatedAt: T, ...patch };
}
function pay(projectId: string, amountMinor: number, paidAt: string, currency = 'USD'): Payment {
  return { id: `pay-${++n}`, projectId, amountMinor, currency, paidAt, createdAt: T, updatedAt: T };
}
function milestone(projectId: string, amountMinor: number): Milestone {
  return { id: `m-${++n}`, projectId, title: 'm', status: 'pending', amountMinor, createdAt: T, updatedAt: T };
}
const names = new Map([
  ['upwork:~01ada', 'Ada'],
  ['fiverr:bob', 'Bob'],
]);

describe('spend per month', () => {
  it('puts a payment on the last day of a month in that month, whatever the time zone', () => {
    const r = spendReport({
      projects: [project({ id: 'p' })],
      payments: [
        pay('p', 100_00, '2026-01-31'),
        pay('p', 50_00, '2026-02-01'),
        pay('p', 25_00, '2026-02-28'),
        pay('p', 10_00, '2024-02-29'),
      ],
      milestones: [],
      names,
    });
    const usd = r.byMonth.filter((m) => m.currency === 'USD');
    expect(usd.find((m) => m.month === '2026-01')).toMatchObject({ paid: 100_00, payments: 1 });
    expect(usd.find((m) => m.month === '2026-02')).toMatchObject({ paid: 75_00, payments: 2 });
    expect(usd.find((m) => m.month === '2024-02')).toMatchObject({ paid: 10_00, payments: 1 });
  });

  it('lists quiet months between the first and last with zero, across a year end', () => {
    const r = spendReport({
      projects: [project({ id: 'p' })],
      payments: [pay('p', 1, '2025-11-30'), pay('p', 2, '2026-02-01')],
      milestones: [],
      names,
    });
    expect(r.byMonth.map((m) => [m.month, m.paid])).toEqual([
      ['2025-11', 1],
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 2],
    ]);
    expect(monthsBetween('2026-12', '2027-01')).toEqual(['2026-12', '2027-01']);
    expect(monthsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('keeps each currency apart, never converting', () => {
    const r = spendReport({
      projects: [project({ id: 'u' }), project({ id: 'e', currency: 'EUR' }), project({ id: 'j', currency: 'JPY' })],
      payments: [pay('u', 100_00, '2026-03-01'), pay('e', 80_00, '2026-03-02', 'EUR'), pay('j', 5000, '2026-03-03', 'JPY')],
      milestones: [],
      names,
    });
    expect(r.currencies).toEqual(['EUR', 'JPY', 'USD']);
    expect(r.byMonth).toEqual([
      { month: '2026-03', currency: 'EUR', paid: 80_00, payments: 1 },
      { month: '2026-03', currency: 'JPY', paid: 5000, payments: 1 },
      { month: '2026-03', currency: 'USD', paid: 100_00, payments: 1 },
    ]);
    expect(r.totals.map((t) => [t.currency, t.paid])).toEqual([
      ['EUR', 80_00],
      ['JPY', 5000],
      ['USD', 100_00],
    ]);
  });

  it('counts a refund as a negative payment, also when a month nets below zero', () => {
    const r = spendReport({
      projects: [project({ id: 'p', budgetMinor: 500_00 })],
      payments: [pay('p', 300_00, '2026-04-10'), pay('p', -50_00, '2026-04-20'), pay('p', -20_00, '2026-05-02')],
      milestones: [],
      names,
    });
    expect(r.byMonth.map((m) => [m.month, m.paid, m.payments])).toEqual([
      ['2026-04', 250_00, 2],
      ['2026-05', -20_00, 1],
    ]);
    expect(r.totals[0]).toMatchObject({ currency: 'USD', paid: 230_00, committed: 500_00, remaining: 270_00, over: 0, payments: 3 });
  });
});

describe('committed, paid and remaining', () => {
  it('commits the budget, else the milestone amounts; a cancelled project commits what was paid', () => {
    expect(committedOf(project({ id: 'a', budgetMinor: 1000 }), [milestone('a', 400)], 0)).toBe(1000);
    expect(committedOf(project({ id: 'b' }), [milestone('b', 400), milestone('b', 600)], 0)).toBe(1000);
    expect(committedOf(project({ id: 'c' }), [], 0)).toBe(0);
    expect(committedOf(project({ id: 'd', status: 'cancelled', budgetMinor: 1000 }), [], 300)).toBe(300);
  });

  it('shows paying more than committed as over, with nothing remaining', () => {
    const r = spendReport({
      projects: [project({ id: 'p', budgetMinor: 100_00 })],
      payments: [pay('p', 130_00, '2026-01-05')],
      milestones: [],
      names,
    });
    expect(r.byProject[0]).toMatchObject({ committed: 100_00, paid: 130_00, remaining: 0, over: 30_00 });
  });

  it('puts a payment in another currency than its project on a row of its own, committing nothing', () => {
    const r = spendReport({
      projects: [project({ id: 'p', budgetMinor: 100_00, contractorKey: 'upwork:~01ada' })],
      payments: [pay('p', 40_00, '2026-01-05'), pay('p', 30_00, '2026-01-06', 'EUR')],
      milestones: [],
      names,
    });
    expect(r.byProject.map((p) => [p.currency, p.committed, p.paid, p.remaining])).toEqual([
      ['EUR', 0, 30_00, 0],
      ['USD', 100_00, 40_00, 60_00],
    ]);
    expect(r.byContractor.map((c) => [c.name, c.currency, c.paid])).toEqual([
      ['Ada', 'EUR', 30_00],
      ['Ada', 'USD', 40_00],
    ]);
  });
});

describe('per contractor and per project', () => {
  it('adds up each contractor’s projects per currency, best paid first; projects with nobody together', () => {
    const r = spendReport({
      projects: [
        project({ id: 'a1', contractorKey: 'upwork:~01ada', budgetMinor: 100_00 }),
        project({ id: 'a2', contractorKey: 'upwork:~01ada', budgetMinor: 50_00 }),
        project({ id: 'b1', contractorKey: 'fiverr:bob', budgetMinor: 500_00 }),
        project({ id: 'x' }),
        project({ id: 'gone', contractorKey: 'upwork:~01deleted' }),
      ],
      payments: [
        pay('a1', 100_00, '2026-01-05'),
        pay('a2', 20_00, '2026-02-05'),
        pay('b1', 400_00, '2026-01-09'),
        pay('x', 5_00, '2026-01-09'),
      ],
      milestones: [],
      names,
    });
    expect(r.byContractor.map((c) => [c.name, c.committed, c.paid, c.remaining, c.projects])).toEqual([
      ['Bob', 500_00, 400_00, 100_00, 1],
      ['Ada', 150_00, 120_00, 30_00, 2],
      ['No contractor', 0, 5_00, 0, 1],
      ['upwork:~01deleted', 0, 0, 0, 1],
    ]);
    expect(r.byProject.map((p) => p.projectId)).toEqual(['b1', 'a1', 'a2', 'x', 'gone']);
    expect(r.totals[0]).toMatchObject({ committed: 650_00, paid: 525_00, remaining: 130_00 });
  });

  it('still counts payments whose project was deleted', () => {
    const r = spendReport({ projects: [], payments: [pay('lost', 12_34, '2026-06-30')], milestones: [], names });
    expect(r.byProject).toEqual([
      expect.objectContaining({ projectId: 'lost', title: 'Deleted project', status: null, paid: 12_34, currency: 'USD' }),
    ]);
    expect(r.totals[0]?.paid).toBe(12_34);
  });

  it('is empty without projects or payments', () => {
    expect(spendReport({ projects: [], payments: [], milestones: [], names: {} })).toEqual({
      currencies: [],
      totals: [],
      byMonth: [],
      byContractor: [],
      byProject: [],
    });
  });
});
