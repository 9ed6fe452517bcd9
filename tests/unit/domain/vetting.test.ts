import { describe, expect, it } from 'vitest';
import type { CheckState } from '../../../lib/db/schema';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { vettingProgress } from '../../../lib/domain/vetting';

const states: Record<string, CheckState> = {
  'interview-held': 'done',
  'reviews-read': 'done',
  'references-contacted': 'done',
  'work-samples-checked': 'done',
  'brief-understood': 'done',
  'written-contract': 'done',
  'budget-set': 'failed',
  'check-in-rhythm-agreed': 'na',
  'payment-schedule-agreed': 'todo',
};

describe('vettingProgress', () => {
  it('counts done over visible items minus n/a ("6/11")', () => {
    const p = vettingProgress(DEFAULT_CHECKLIST, states);
    // 12 items, one n/a → 11; six done, one failed, four todo (one explicit, three without a check).
    expect(p).toMatchObject({ done: 6, failed: 1, na: 1, todo: 4, total: 11, label: '6/11', percent: 55 });
  });

  it('gives per-group counts', () => {
    const { byGroup } = vettingProgress(DEFAULT_CHECKLIST, states);
    expect(byGroup['before-hiring']).toEqual({ done: 5, failed: 0, na: 0, todo: 0, total: 5 });
    expect(byGroup['contract-budget']).toEqual({ done: 1, failed: 1, na: 0, todo: 1, total: 3 });
    expect(byGroup['working-together']).toEqual({ done: 0, failed: 0, na: 1, todo: 1, total: 1 });
    expect(byGroup['after-delivery']).toEqual({ done: 0, failed: 0, na: 0, todo: 2, total: 2 });
  });

  it('accepts the stored Check rows as well as a record', () => {
    const rows = Object.entries(states).map(([itemId, state]) => ({ itemId, state }));
    expect(vettingProgress(DEFAULT_CHECKLIST, rows).label).toBe('6/11');
  });

  it('ignores checks of hidden or removed items', () => {
    const template = [
      { id: 'a', label: 'A', group: 'before-hiring' as const },
      { id: 'b', label: 'B', group: 'before-hiring' as const, hidden: true },
    ];
    const p = vettingProgress(template, [
      { itemId: 'a', state: 'done' },
      { itemId: 'b', state: 'done' },
      { itemId: 'gone', state: 'done' },
    ]);
    expect(p).toMatchObject({ done: 1, total: 1, label: '1/1', percent: 100 });
  });

  it('is 0/12 with no checks and 0/0 with an empty template', () => {
    expect(vettingProgress(DEFAULT_CHECKLIST, [])).toMatchObject({ done: 0, todo: 12, total: 12, label: '0/12', percent: 0 });
    const empty = vettingProgress([], {});
    expect(empty).toMatchObject({ done: 0, total: 0, label: '0/0', percent: 0 });
    expect(empty.byGroup['after-delivery'].total).toBe(0);
  });

  it('is 0/0 when everything is n/a (no division by zero)', () => {
    const all = Object.fromEntries(DEFAULT_CHECKLIST.map((i) => [i.id, 'na' as const]));
    expect(vettingProgress(DEFAULT_CHECKLIST, all)).toMatchObject({ na: 12, total: 0, percent: 0, label: '0/0' });
  });

  it('uses the last row when an item appears twice', () => {
    const p = vettingProgress(DEFAULT_CHECKLIST, [
      { itemId: 'interview-held', state: 'failed' },
      { itemId: 'interview-held', state: 'done' },
    ]);
    expect(p).toMatchObject({ done: 1, failed: 0 });
  });

  it('does not read inherited properties of a record as states', () => {
    const p = vettingProgress([{ id: 'toString', label: 'x', group: 'before-hiring' }], {});
    expect(p).toMatchObject({ todo: 1, total: 1 });
  });
});
