/**
 * What a search-result badge says about a contractor: your verdict, your average rating, how many
 * projects you had with them and how far the vetting got. Contractors you have no data about get
 * no summary (their badge stays blank).
 */
import type { Check, ChecklistItem, ContractorStatus, Rating } from '../db/schema';
import { reputation } from './reputation';
import { vettingProgress, withDerived, type DerivedCheck } from './vetting';

export interface BadgeSummary {
  key: string;
  status: ContractorStatus;
  /** Average of your ratings (1–5), absent when none. */
  averageRating?: number;
  projects: number;
  /** Vetting progress: items settled (done / n.a.) out of applicable items. */
  vetted: { done: number; total: number; failed: number };
}

export interface BadgeInput {
  key: string;
  /** Absent when the contractor isn't tracked. */
  status?: ContractorStatus;
  checks: readonly Pick<Check, 'itemId' | 'state' | 'note'>[];
  hasNotes: boolean;
  ratings: readonly Rating[];
  /** Projects with this contractor (ids). */
  projectIds: ReadonlySet<string>;
  /** Items the data proves done (lib/domain/vetting.ts derivedChecks): they count as in the overlay. */
  derived?: readonly DerivedCheck[];
}

/** Whether there is anything to say about a contractor: a verdict, a check set, a note, a rating or a project. */
export function hasBadgeData(input: BadgeInput): boolean {
  const status = input.status ?? 'prospect';
  const checks = input.checks.filter((c) => c.state !== 'todo' || c.note);
  return status !== 'prospect' || checks.length > 0 || input.hasNotes || input.ratings.length > 0 || input.projectIds.size > 0;
}

export function badgeSummary(input: BadgeInput, checklist: readonly ChecklistItem[]): BadgeSummary | null {
  if (!hasBadgeData(input)) return null;
  const status = input.status ?? 'prospect';
  // A check the user set wins over a derived one, so all of theirs go in, unticked ones too.
  const progress = vettingProgress(checklist, withDerived(input.checks, input.derived ?? []).states);
  const rep = reputation(input.ratings);
  // A rating names its project, or stands for a project of its own.
  const projects = new Set(input.projectIds);
  let unlinked = 0;
  for (const r of input.ratings) {
    if (r.projectId) projects.add(r.projectId);
    else unlinked += 1;
  }
  return {
    key: input.key,
    status,
    ...(rep.overall !== null ? { averageRating: Math.round(rep.overall * 10) / 10 } : {}),
    projects: projects.size + unlinked,
    vetted: { done: progress.done, total: progress.total, failed: progress.failed },
  };
}
