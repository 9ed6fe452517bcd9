/** Issue 14: checklist items the data proves are ticked automatically; the user's own checks win. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { derivedChecks, DERIVABLE_ITEMS, vettingProgress, withDerived, type VettingEvidence } from '../../../lib/domain/vetting';

const project = (over: Partial<VettingEvidence['projects'][number]> = {}): VettingEvidence['projects'][number] => ({
  id: 'p1',
  title: 'Shop redesign',
  paymentModel: 'milestones',
  contract: {},
  ...over,
});

describe('derivedChecks', () => {
  it('nothing known, nothing ticked', () => {
    expect(derivedChecks({ projects: [project()], milestones: [], ratingCount: 0 })).toEqual([]);
  });

  it('a signed contract, a budget, milestones with amounts and a rating tick five items, each with its proof', () => {
    const d = derivedChecks({
      projects: [project({ contract: { signedAt: '2026-11-02' }, budgetMinor: 150000 })],
      milestones: [{ projectId: 'p1', amountMinor: 45000 }],
      ratingCount: 1,
    });
    expect(d.map((x) => x.itemId)).toEqual([
      'written-contract',
      'budget-set',
      'milestones-set',
      'payment-schedule-agreed',
      'rating-recorded',
    ]);
    expect(d[0]!.reason).toBe('Contract signed for “Shop redesign”');
    expect(d.every((x) => DEFAULT_CHECKLIST.some((i) => i.id === x.itemId))).toBe(true);
    expect([...DERIVABLE_ITEMS].sort()).toEqual(d.map((x) => x.itemId).sort());
  });

  it('a retainer with a rate and a start date has a payment schedule and a budget', () => {
    const d = derivedChecks({
      projects: [project({ paymentModel: 'retainer', rateMinor: 80000, startDate: '2026-11-01' })],
      milestones: [],
      ratingCount: 0,
    });
    expect(d.map((x) => x.itemId)).toEqual(['budget-set', 'payment-schedule-agreed']);
  });
});

describe('withDerived', () => {
  const derived = [
    { itemId: 'written-contract', reason: 'Contract signed' },
    { itemId: 'rating-recorded', reason: 'You saved a rating' },
  ];

  it('fills untouched items and counts them; the issue-14 scenario no longer reads 5/12 with Rating recorded unticked', () => {
    const checks = [{ itemId: 'interview-held', state: 'done' as const }];
    const { states, auto } = withDerived(checks, derived);
    expect(states).toEqual({ 'interview-held': 'done', 'written-contract': 'done', 'rating-recorded': 'done' });
    expect([...auto.keys()]).toEqual(['written-contract', 'rating-recorded']);
    expect(vettingProgress(DEFAULT_CHECKLIST, states).done).toBe(3);
  });

  it('a check the user set (even cleared) or a real check by another feature wins over the derived tick', () => {
    const { states, auto } = withDerived(
      [
        { itemId: 'written-contract', state: 'todo' },
        { itemId: 'rating-recorded', state: 'failed' },
      ],
      derived,
    );
    expect(states).toEqual({ 'written-contract': 'todo', 'rating-recorded': 'failed' });
    expect(auto.size).toBe(0);
  });
});
