import { describe, expect, it } from 'vitest';
import { loyaltyHint } from '../../../lib/domain/loyalty';

const ANA = 'upwork:~ana';
const projects = [
  { contractorKey: ANA, status: 'completed' as const },
  { contractorKey: ANA, status: 'completed' as const },
  { contractorKey: ANA, status: 'active' as const },
  { contractorKey: ANA, status: 'cancelled' as const },
  { contractorKey: 'upwork:~ben', status: 'completed' as const },
  { status: 'completed' as const },
];
const rating = (scores: [number, number, number, number], wouldRehire: boolean, createdAt: number, contractorKey = ANA) => {
  const [quality, communication, timeliness, value] = scores;
  return { contractorKey, quality, communication, timeliness, value, wouldRehire, createdAt };
};
const good = [rating([5, 5, 4, 4], true, 1), rating([4, 4, 4, 4], true, 2), rating([1, 1, 1, 1], false, 3, 'upwork:~ben')];

describe('loyaltyHint', () => {
  it('suggests a loyalty rate after two well-rated completed projects', () => {
    const hint = loyaltyHint(ANA, projects, good, { name: 'Ana', locale: 'en-US' });
    // (5+5+4+4 + 4+4+4+4) / 8 = 34 / 8 = 4.25, shown as 4.3
    expect(hint).toEqual({
      completedProjects: 2,
      averageOverall: 4.25,
      message: 'You have completed 2 projects with Ana, rated 4.3 on average: a loyalty rate is worth asking for on the next one.',
    });
  });

  it('speaks of "this contractor" without a name', () => {
    expect(loyaltyHint(ANA, projects, good)?.message).toContain('with this contractor,');
    expect(loyaltyHint(ANA, projects, good, { name: '  ' })?.message).toContain('with this contractor,');
  });

  it('stays quiet with fewer completed projects than asked for', () => {
    expect(loyaltyHint(ANA, projects.slice(1), good)).toBeNull();
    expect(loyaltyHint(ANA, projects, good, { minProjects: 3 })).toBeNull();
    expect(loyaltyHint('upwork:~ben', projects, good)).toBeNull();
  });

  it('stays quiet when the ratings are not good or the latest says "would not rehire"', () => {
    expect(loyaltyHint(ANA, projects, [rating([4, 4, 4, 3], true, 1), rating([4, 4, 4, 4], true, 2)])).toBeNull(); // 3.875
    expect(loyaltyHint(ANA, projects, [rating([5, 5, 5, 5], true, 1), rating([5, 5, 5, 5], false, 2)])).toBeNull();
    expect(loyaltyHint(ANA, projects, [])).toBeNull();
  });

  it('accepts an earlier "no" followed by a "yes"', () => {
    expect(loyaltyHint(ANA, projects, [rating([5, 5, 5, 5], false, 1), rating([5, 5, 5, 5], true, 2)])?.averageOverall).toBe(5);
  });

  it('can lower the bar', () => {
    expect(loyaltyHint(ANA, projects, [rating([4, 4, 4, 3], true, 1)], { minAverage: 3.5 })?.completedProjects).toBe(2);
  });
});
