import { describe, expect, it } from 'vitest';
import { CHECKLIST_GROUPS, ChecklistItemSchema } from '../../../lib/db/schema';
import { DEFAULT_CHECKLIST, GROUP_LABELS, GROUP_ORDER, itemsByGroup, visibleItems } from '../../../lib/domain/checklist';

describe('DEFAULT_CHECKLIST', () => {
  it('has at least 11 valid items covering all four groups', () => {
    expect(DEFAULT_CHECKLIST.length).toBeGreaterThanOrEqual(11);
    for (const item of DEFAULT_CHECKLIST) expect(ChecklistItemSchema.safeParse(item).success).toBe(true);
    for (const group of CHECKLIST_GROUPS) {
      expect(DEFAULT_CHECKLIST.filter((i) => i.group === group).length).toBeGreaterThan(0);
    }
  });

  it('uses unique kebab-case ids and gives every item a label and a hint', () => {
    const ids = DEFAULT_CHECKLIST.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of DEFAULT_CHECKLIST) {
      expect(item.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(item.label.length).toBeGreaterThan(3);
      expect(item.hint?.length ?? 0).toBeGreaterThan(10);
      expect(item.hidden).toBeUndefined();
    }
  });

  it('covers the mistakes in DESIGN.md (ids other code relies on)', () => {
    const ids = DEFAULT_CHECKLIST.map((i) => i.id);
    for (const id of [
      'interview-held',
      'reviews-read',
      'references-contacted',
      'work-samples-checked',
      'brief-understood',
      'written-contract',
      'payment-schedule-agreed',
      'budget-set',
      'milestones-set',
      'check-in-rhythm-agreed',
      'rating-recorded',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('lists groups in the order of a hire, before-hiring items first', () => {
    const firstIndex = (g: string) => DEFAULT_CHECKLIST.findIndex((i) => i.group === g);
    const lastIndex = (g: string) => DEFAULT_CHECKLIST.map((i) => i.group).lastIndexOf(g as never);
    for (let k = 1; k < GROUP_ORDER.length; k++) {
      expect(lastIndex(GROUP_ORDER[k - 1]!)).toBeLessThan(firstIndex(GROUP_ORDER[k]!));
    }
  });

  it('cannot be mutated by accident', () => {
    expect(Object.isFrozen(DEFAULT_CHECKLIST)).toBe(true);
  });
});

describe('GROUP_LABELS', () => {
  it('labels every group', () => {
    expect(Object.keys(GROUP_LABELS).sort()).toEqual([...CHECKLIST_GROUPS].sort());
    expect(GROUP_LABELS['before-hiring']).toBe('Before hiring');
    expect(GROUP_LABELS['contract-budget']).toBe('Contract and budget');
  });
});

describe('visibleItems / itemsByGroup', () => {
  const template = [
    { id: 'a', label: 'A', group: 'after-delivery' as const },
    { id: 'b', label: 'B', group: 'before-hiring' as const, hidden: true },
    { id: 'c', label: 'C', group: 'before-hiring' as const, hidden: false },
    { id: 'd', label: 'D', group: 'before-hiring' as const },
  ];

  it('drops hidden items and keeps template order', () => {
    expect(visibleItems(template).map((i) => i.id)).toEqual(['a', 'c', 'd']);
    expect(visibleItems([])).toEqual([]);
  });

  it('groups visible items in group order and omits empty groups', () => {
    const groups = itemsByGroup(template);
    expect(groups.map((g) => g.group)).toEqual(['before-hiring', 'after-delivery']);
    expect(groups[0]!.label).toBe('Before hiring');
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['c', 'd']);
    expect(groups[1]!.items.map((i) => i.id)).toEqual(['a']);
  });
});
