/**
 * The default vetting checklist. Each item answers one of the classic outsourcing mistakes in
 * DESIGN.md's table. Ids are stable kebab-case: checks are stored against them, so an id must
 * never be renamed (labels and hints may change freely).
 */
import type { ChecklistGroup, ChecklistItem } from '../db/schema';

export const GROUP_LABELS: Readonly<Record<ChecklistGroup, string>> = {
  'before-hiring': 'Before hiring',
  'contract-budget': 'Contract and budget',
  'working-together': 'Working together',
  'after-delivery': 'After delivery',
};

/** Groups in display order. */
export const GROUP_ORDER: readonly ChecklistGroup[] = ['before-hiring', 'contract-budget', 'working-together', 'after-delivery'];

export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = Object.freeze([
  // Before hiring: "they don't interview thoroughly", "don't check reviews, referrals, samples",
  // "unclear about goals".
  {
    id: 'interview-held',
    label: 'Interview held',
    group: 'before-hiring',
    hint: 'Talk live (call or video) and ask how they would approach your project.',
  },
  {
    id: 'reviews-read',
    label: 'Reviews read',
    group: 'before-hiring',
    hint: 'Read the recent reviews, including the critical ones, not just the score.',
  },
  {
    id: 'references-contacted',
    label: 'References contacted',
    group: 'before-hiring',
    hint: 'Ask one or two past clients whether they would hire this person again.',
  },
  {
    id: 'work-samples-checked',
    label: 'Work samples checked',
    group: 'before-hiring',
    hint: 'Look at real work similar to yours and check it is their own.',
  },
  {
    id: 'brief-understood',
    label: 'Brief understood',
    group: 'before-hiring',
    hint: 'Have them explain the goal and expectations back to you in their own words.',
  },
  // Contract and budget: "they manage the budget poorly", "no written contract with deadlines and
  // payment schedule".
  {
    id: 'written-contract',
    label: 'Written contract with deadlines',
    group: 'contract-budget',
    hint: 'Put deliverables, expectations and deadlines in writing before work starts.',
  },
  {
    id: 'payment-schedule-agreed',
    label: 'Payment schedule agreed',
    group: 'contract-budget',
    hint: 'Agree when and how much you pay, ideally tied to milestones.',
  },
  {
    id: 'budget-set',
    label: 'Budget set',
    group: 'contract-budget',
    hint: 'Decide the total you are willing to spend and the payment model.',
  },
  // Working together: "no milestones, delays noticed late", "communication fades".
  {
    id: 'milestones-set',
    label: 'Milestones set',
    group: 'working-together',
    hint: 'Split the work into milestones with due dates so delays show early.',
  },
  {
    id: 'check-in-rhythm-agreed',
    label: 'Check-in rhythm agreed',
    group: 'working-together',
    hint: 'Agree how often you talk, for example every Monday, and stick to it.',
  },
  // After delivery: "they forget who was good and rehire strangers".
  {
    id: 'deliverables-reviewed',
    label: 'Deliverables reviewed',
    group: 'after-delivery',
    hint: 'Check the delivered work against the contract before the final payment.',
  },
  {
    id: 'rating-recorded',
    label: 'Rating recorded',
    group: 'after-delivery',
    hint: 'Rate the project so you remember who was good next time you hire.',
  },
] satisfies ChecklistItem[]);

/** Items the user has not hidden, in template order. */
export function visibleItems(template: readonly ChecklistItem[]): ChecklistItem[] {
  return template.filter((item) => !item.hidden);
}

/** Visible items grouped by group, groups in GROUP_ORDER, empty groups omitted. */
export function itemsByGroup(template: readonly ChecklistItem[]): { group: ChecklistGroup; label: string; items: ChecklistItem[] }[] {
  const visible = visibleItems(template);
  return GROUP_ORDER.map((group) => ({
    group,
    label: GROUP_LABELS[group],
    items: visible.filter((item) => item.group === group),
  })).filter((g) => g.items.length > 0);
}
