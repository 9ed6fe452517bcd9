/**
 * The popup's order of active projects: what needs the user first comes first.
 * Ranks: 0 overdue milestone, 1 milestone due soon, 2 check-in overdue, 3 budget ≥ 90 % used
 * (or over), 4 everything else, 5 projects that are not active (if a view lists them at all).
 * Within a rank: the earliest relevant date (none last), then title, then id, so the order never
 * depends on how the records came out of the database.
 */
import type { Project } from '../db/schema';
import { compareText, type ProjectHealth } from './project-health';
import type { IsoDate } from './dates';

export const URGENCY_RANKS = ['milestone-overdue', 'milestone-due-soon', 'check-in-overdue', 'budget', 'other', 'inactive'] as const;
export type UrgencyReason = (typeof URGENCY_RANKS)[number];

export interface UrgencyItem {
  project: Pick<Project, 'id' | 'title'>;
  health: ProjectHealth;
}

/** 0 (most urgent) to 5, from the health flags (which only active projects raise). */
export function urgencyRank(health: ProjectHealth): number {
  return URGENCY_RANKS.indexOf(urgencyReason(health));
}

export function urgencyReason(health: ProjectHealth): UrgencyReason {
  if (!health.active) return 'inactive';
  const f = health.flags;
  if (f.includes('milestone-overdue')) return 'milestone-overdue';
  if (f.includes('milestone-due-soon')) return 'milestone-due-soon';
  if (f.includes('check-in-overdue')) return 'check-in-overdue';
  if (f.includes('over-budget') || f.includes('near-budget')) return 'budget';
  return 'other';
}

/** The date that orders projects within their rank; null sorts last. */
export function urgencyDate(health: ProjectHealth): IsoDate | null {
  switch (urgencyReason(health)) {
    case 'milestone-overdue':
      return health.overdueMilestones[0]?.dueDate ?? null;
    case 'milestone-due-soon':
      return health.dueSoonMilestones[0]?.dueDate ?? null;
    case 'check-in-overdue':
      return health.checkIn.dueDate;
    default:
      return health.nextMilestone?.dueDate ?? null;
  }
}

export function compareUrgency(a: UrgencyItem, b: UrgencyItem): number {
  const rank = urgencyRank(a.health) - urgencyRank(b.health);
  if (rank !== 0) return rank;
  const da = urgencyDate(a.health);
  const db = urgencyDate(b.health);
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return compareText(a.project.title, b.project.title) || compareText(a.project.id, b.project.id);
}

/** A sorted copy; the input is left alone. */
export function sortByUrgency<T extends UrgencyItem>(items: readonly T[]): T[] {
  return [...items].sort(compareUrgency);
}
