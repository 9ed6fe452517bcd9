/** Your own verdict on a contractor, from the ratings you gave after past projects. */
import type { Rating } from '../db/schema';
import { numberFormat } from './intl-cache';

export const CRITERIA = ['quality', 'communication', 'timeliness', 'value'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = {
  quality: 'Quality',
  communication: 'Communication',
  timeliness: 'Timeliness',
  value: 'Value',
};

export type RatingInput = Pick<Rating, Criterion | 'wouldRehire' | 'projectId' | 'createdAt'>;

export interface Reputation {
  count: number;
  /** Average per criterion (unrounded), null when there are no ratings. */
  averages: Record<Criterion, number> | null;
  /** Mean of the four criterion averages, null when there are no ratings. */
  overall: number | null;
  /** Distinct projects rated; a rating without a project counts as one project of its own. */
  projects: number;
  wouldRehireCount: number;
  /** 0–1, null when there are no ratings. */
  wouldRehireShare: number | null;
  /** createdAt of the newest rating, null when none. */
  lastRatedAt: number | null;
  /** wouldRehire of the newest rating, null when none: the most recent experience weighs most. */
  lastWouldRehire: boolean | null;
}

export function reputation(ratings: readonly RatingInput[]): Reputation {
  const count = ratings.length;
  if (count === 0) {
    return {
      count: 0,
      averages: null,
      overall: null,
      projects: 0,
      wouldRehireCount: 0,
      wouldRehireShare: null,
      lastRatedAt: null,
      lastWouldRehire: null,
    };
  }
  const sums: Record<Criterion, number> = { quality: 0, communication: 0, timeliness: 0, value: 0 };
  const projectIds = new Set<string>();
  let unlinked = 0;
  let rehire = 0;
  let newest = ratings[0]!;
  for (const r of ratings) {
    for (const c of CRITERIA) sums[c] += r[c];
    if (r.projectId !== undefined) projectIds.add(r.projectId);
    else unlinked += 1;
    if (r.wouldRehire) rehire += 1;
    if (r.createdAt > newest.createdAt) newest = r;
  }
  const averages = {
    quality: sums.quality / count,
    communication: sums.communication / count,
    timeliness: sums.timeliness / count,
    value: sums.value / count,
  };
  const overall = (sums.quality + sums.communication + sums.timeliness + sums.value) / (4 * count);
  return {
    count,
    averages,
    overall,
    projects: projectIds.size + unlinked,
    wouldRehireCount: rehire,
    wouldRehireShare: rehire / count,
    lastRatedAt: newest.createdAt,
    lastWouldRehire: newest.wouldRehire,
  };
}

/** "4.3" (one decimal, locale-aware), or "–" when there is no score. */
export function formatScore(score: number | null, locale?: string): string {
  if (score === null || !Number.isFinite(score)) return '–';
  return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(score);
}
