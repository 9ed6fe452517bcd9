import { describe, expect, it } from 'vitest';
import { projectHealth, type ProjectBundle } from '../../../lib/domain/project-health';
import { compareUrgency, sortByUrgency, urgencyDate, urgencyRank, urgencyReason } from '../../../lib/domain/urgency';
import { NOW, at, bundle, milestone, payment } from './fixtures';

const item = (b: ProjectBundle) => ({ project: b.project, health: projectHealth(b, NOW, { timeZone: 'UTC' }) });

// Today is 27 Nov 2026.
const zeta = bundle({ id: 'zeta', title: 'Zeta' }, [milestone({ dueDate: '2026-11-20' })]);
const alpha = bundle({ id: 'alpha', title: 'Alpha' }, [milestone({ dueDate: '2026-11-24' }), milestone({ dueDate: '2026-11-28' })]);
const beta = bundle({ id: 'beta', title: 'Beta' }, [milestone({ dueDate: '2026-11-28' })]);
const gamma = bundle({ id: 'gamma', title: 'Gamma', checkInDays: 3, lastContactAt: at('2026-11-20T10:00:00Z') }, [
  milestone({ dueDate: '2026-12-20' }),
]);
const delta = bundle({ id: 'delta', title: 'Delta', budgetMinor: 100000 }, [], [payment(95000)]);
const overBudget = bundle({ id: 'over', title: 'Over', budgetMinor: 100000 }, [milestone({ dueDate: '2026-12-24' })], [payment(120000)]);
const echo = bundle({ id: 'echo', title: 'Echo' }, [milestone({ dueDate: '2026-12-20' })]);
const apple = bundle({ id: 'apple', title: 'apple' }, [milestone({ dueDate: '2026-12-20' })]);
const foxtrot = bundle({ id: 'foxtrot', title: 'Foxtrot' });
const pausedLate = bundle({ id: 'paused', title: 'Aardvark (paused)', status: 'paused' }, [milestone({ dueDate: '2026-11-01' })]);

describe('urgencyRank / urgencyReason / urgencyDate', () => {
  it('ranks overdue, due soon, check-in, budget, the rest', () => {
    expect([zeta, beta, gamma, delta, overBudget, echo, pausedLate].map((b) => urgencyReason(item(b).health))).toEqual([
      'milestone-overdue',
      'milestone-due-soon',
      'check-in-overdue',
      'budget',
      'budget',
      'other',
      'inactive',
    ]);
    expect([zeta, beta, gamma, delta, echo, pausedLate].map((b) => urgencyRank(item(b).health))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('dates each rank by what makes it urgent', () => {
    expect(urgencyDate(item(alpha).health)).toBe('2026-11-24');
    expect(urgencyDate(item(beta).health)).toBe('2026-11-28');
    // Check-in due 3 days after 20 Nov.
    expect(urgencyDate(item(gamma).health)).toBe('2026-11-23');
    expect(urgencyDate(item(overBudget).health)).toBe('2026-12-24');
    expect(urgencyDate(item(foxtrot).health)).toBeNull();
  });
});

describe('sortByUrgency', () => {
  // Budget rank: "over" has a next milestone (24 Dec), "delta" none, so "over" first. Others: the
  // two due 20 Dec by title (apple before Echo, case-insensitive), then foxtrot without a date.
  // The paused project comes last although its milestone is the oldest.
  const expected = ['zeta', 'alpha', 'beta', 'gamma', 'over', 'delta', 'apple', 'echo', 'foxtrot', 'paused'];

  it('puts overdue first, then due soon, check-ins, budget, then the rest by date and title', () => {
    const items = [foxtrot, echo, pausedLate, overBudget, delta, gamma, beta, apple, alpha, zeta].map(item);
    expect(sortByUrgency(items).map((i) => i.project.id)).toEqual(expected);
  });

  it('is deterministic whatever the input order and leaves the input alone', () => {
    const items = [zeta, alpha, beta, gamma, delta, overBudget, echo, apple, foxtrot, pausedLate].map(item);
    const reversed = [...items].reverse();
    const before = reversed.map((i) => i.project.id);
    expect(sortByUrgency(reversed).map((i) => i.project.id)).toEqual(expected);
    expect(reversed.map((i) => i.project.id)).toEqual(before);
  });

  it('breaks full ties by id', () => {
    const a = item(bundle({ id: 'b-id', title: 'Same' }));
    const b = item(bundle({ id: 'a-id', title: 'Same' }));
    expect(sortByUrgency([a, b]).map((i) => i.project.id)).toEqual(['a-id', 'b-id']);
    expect(compareUrgency(a, a)).toBe(0);
  });

  it('handles an empty list', () => {
    expect(sortByUrgency([])).toEqual([]);
  });
});
