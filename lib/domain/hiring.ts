/**
 * Working with someone makes them "hired" in the overlay and badges, unless the user marked them
 * to avoid (that judgement stays theirs).
 */
import type { ContractorStatus, ProjectStatus } from '../db/schema';

/** The status a contractor takes on because of a project, or null when theirs stays. */
export function statusFromProject(
  project: { status: ProjectStatus; contractorKey?: string },
  current: ContractorStatus,
): ContractorStatus | null {
  if (project.status !== 'active' || !project.contractorKey) return null;
  if (current === 'hired' || current === 'avoid') return null;
  return 'hired';
}
