import { describe, expect, it } from 'vitest';
import type { ContractorStatus } from '../../../lib/db/schema';
import { dashboardTotals, hireAgain, recentlyViewed } from '../../../lib/domain/dashboard';
import { NOW, at, bundle, milestone, payment } from './fixtures';

const UTC = { timeZone: 'UTC' };

describe('dashboardTotals', () => {
  it('totals active projects per currency and counts what is overdue', () => {
    const totals = dashboardTotals(
      [
        bundle(
          { id: 'a', budgetMinor: 100000 },
          [
            milestone({ dueDate: '2026-11-20' }),
            milestone({ dueDate: '2026-11-25' }),
            milestone({ dueDate: '2026-11-10', status: 'approved' }),
          ],
          [payment(30000), payment(5000, { currency: 'EUR' })],
        ),
        bundle({ id: 'b', currency: 'EUR', budgetMinor: 50000 }, [], [payment(10000, { currency: 'EUR' })]),
        bundle({ id: 'c', checkInDays: 7, lastContactAt: at('2026-11-01T10:00:00Z') }),
        bundle(
          { id: 'd', status: 'completed', budgetMinor: 999999, checkInDays: 1 },
          [milestone({ dueDate: '2026-01-01' })],
          [payment(999)],
        ),
        bundle({ id: 'e', status: 'paused', currency: 'JPY', budgetMinor: 5000 }),
      ],
      NOW,
      UTC,
    );
    expect(totals).toEqual({
      activeProjects: 3,
      committed: { USD: 100000, EUR: 50000 },
      paid: { USD: 30000, EUR: 15000 },
      overdueMilestones: 2,
      overdueCheckIns: 1,
      overdueItems: 3,
      overBudgetProjects: 0,
    });
  });

  it('counts projects over budget and zero budgets as committed zero', () => {
    const totals = dashboardTotals(
      [bundle({ id: 'a', budgetMinor: 100 }, [], [payment(200)]), bundle({ id: 'b', budgetMinor: 0, currency: 'KWD' })],
      NOW,
      UTC,
    );
    expect(totals.overBudgetProjects).toBe(1);
    expect(totals.committed).toEqual({ USD: 100, KWD: 0 });
  });

  it('is all zeros with no projects', () => {
    expect(dashboardTotals([], NOW, UTC)).toEqual({
      activeProjects: 0,
      committed: {},
      paid: {},
      overdueMilestones: 0,
      overdueCheckIns: 0,
      overdueItems: 0,
      overBudgetProjects: 0,
    });
  });
});

const person = (key: string, name: string, status: ContractorStatus = 'hired', lastSeenAt = 0) => ({ key, name, status, lastSeenAt });
let n = 0;
const rate = (contractorKey: string, scores: [number, number, number, number], wouldRehire: boolean, projectId?: string) => {
  n += 1;
  const [quality, communication, timeliness, value] = scores;
  return { contractorKey, quality, communication, timeliness, value, wouldRehire, projectId: projectId ?? `p${n}`, createdAt: n };
};

describe('hireAgain', () => {
  const contractors = [
    person('upwork:~ben', 'Ben'),
    person('upwork:~ana', 'Ana'),
    person('fiverr:cara', 'Cara'),
    person('fiverr:dan', 'Dan'),
    person('guru:eve', 'Eve', 'avoid'),
    person('guru:finn', 'Finn'),
    person('upwork:~gus', 'Gus'),
    person('upwork:~hal', 'Hal'),
    person('upwork:~ivy', 'Ivy'),
  ];
  const ratings = [
    rate('upwork:~ana', [5, 5, 5, 5], true),
    rate('upwork:~ana', [4, 5, 4, 5], true), // Ana: 38 / 8 = 4.75
    rate('upwork:~ben', [4, 4, 4, 4], true), // Ben: 4.0, rehire 1, 1 project
    rate('fiverr:cara', [5, 5, 5, 5], false), // never again: out
    rate('fiverr:dan', [3, 3, 3, 3], true), // 3.0: out
    rate('guru:eve', [5, 5, 5, 5], true), // marked to avoid: out
    rate('upwork:~gus', [4, 4, 4, 4], true),
    rate('upwork:~gus', [4, 4, 4, 4], false), // Gus: 4.0, rehire 0.5
    rate('upwork:~hal', [5, 4, 4, 4], true), // Hal: 17 / 4 = 4.25
    rate('upwork:~ivy', [4, 4, 4, 4], true),
    rate('upwork:~ivy', [4, 4, 4, 4], true), // Ivy: 4.0, rehire 1, 2 projects
    rate('upwork:~stranger', [5, 5, 5, 5], true), // not among the contractors
  ];

  it('lists well-rated contractors, best first', () => {
    const list = hireAgain(contractors, ratings);
    // 4.75, 4.25, then the 4.0s: rehire share 1 with 2 projects (Ivy), 1 project (Ben), share 0.5 (Gus).
    expect(list.map((e) => e.contractor.name)).toEqual(['Ana', 'Hal', 'Ivy', 'Ben', 'Gus']);
    expect(list[0]!.reputation).toMatchObject({ count: 2, overall: 4.75, projects: 2, wouldRehireShare: 1 });
    expect(list[0]!.contractor).toBe(contractors[1]);
  });

  it('honours a limit and a stricter minimum', () => {
    expect(hireAgain(contractors, ratings, { limit: 2 }).map((e) => e.contractor.name)).toEqual(['Ana', 'Hal']);
    expect(hireAgain(contractors, ratings, { minAverage: 4.5 }).map((e) => e.contractor.name)).toEqual(['Ana']);
    expect(hireAgain(contractors, ratings, { limit: 0 })).toEqual([]);
  });

  it('breaks exact ties by name', () => {
    const twins = [person('a:2', 'Zoe'), person('a:1', 'Yan')];
    const r = [rate('a:2', [5, 5, 5, 5], true), rate('a:1', [5, 5, 5, 5], true)];
    expect(hireAgain(twins, r).map((e) => e.contractor.name)).toEqual(['Yan', 'Zoe']);
  });

  it('is empty without ratings or contractors', () => {
    expect(hireAgain(contractors, [])).toEqual([]);
    expect(hireAgain([], ratings)).toEqual([]);
  });
});

describe('recentlyViewed', () => {
  it('lists the most recently seen first, up to the limit', () => {
    const list = [
      person('a:1', 'Old', 'prospect', 100),
      person('a:2', 'New', 'prospect', 300),
      person('a:3', 'Mid', 'prospect', 200),
      person('a:4', 'Also mid', 'prospect', 200),
    ];
    expect(recentlyViewed(list, 3).map((c) => c.name)).toEqual(['New', 'Also mid', 'Mid']);
    expect(recentlyViewed(list).length).toBe(4);
    expect(recentlyViewed([], 5)).toEqual([]);
    expect(list[0]!.name).toBe('Old');
  });
});
