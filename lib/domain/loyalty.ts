/**
 * "You have completed 3 projects with Ana, rated 4.6 on average: a loyalty rate is worth asking
 * for." Repeat clients are cheaper for a freelancer to serve, so asking is reasonable.
 */
import type { Project, Rating } from '../db/schema';
import { formatScore, reputation, type RatingInput } from './reputation';

export interface LoyaltyOptions {
  /** Completed projects needed. Default 2. */
  minProjects?: number;
  /** Minimum overall average of your ratings. Default 4. */
  minAverage?: number;
  /** Used in the message; "this contractor" otherwise. */
  name?: string;
  locale?: string;
}

export interface LoyaltyHint {
  completedProjects: number;
  averageOverall: number;
  message: string;
}

/**
 * A hint when you completed enough projects with this contractor and rated them well (overall
 * average ≥ minAverage and your latest rating says you would rehire); null otherwise.
 */
export function loyaltyHint(
  contractorKey: string,
  projects: readonly Pick<Project, 'contractorKey' | 'status'>[],
  ratings: readonly (RatingInput & Pick<Rating, 'contractorKey'>)[],
  options: LoyaltyOptions = {},
): LoyaltyHint | null {
  const minProjects = options.minProjects ?? 2;
  const minAverage = options.minAverage ?? 4;
  const completed = projects.filter((p) => p.contractorKey === contractorKey && p.status === 'completed').length;
  if (completed < minProjects) return null;
  const rep = reputation(ratings.filter((r) => r.contractorKey === contractorKey));
  if (rep.overall === null || rep.overall < minAverage || rep.lastWouldRehire === false) return null;
  const who = options.name?.trim() || 'this contractor';
  return {
    completedProjects: completed,
    averageOverall: rep.overall,
    message:
      `You have completed ${completed} projects with ${who}, rated ${formatScore(rep.overall, options.locale)} ` +
      'on average: a loyalty rate is worth asking for on the next one.',
  };
}
