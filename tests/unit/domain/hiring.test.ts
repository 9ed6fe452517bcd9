import { describe, expect, it } from 'vitest';
import { CONTRACTOR_STATUSES, PROJECT_STATUSES } from '../../../lib/db/constants';
import { statusFromProject } from '../../../lib/domain/hiring';

describe('statusFromProject', () => {
  it('marks the contractor of an active project hired unless they are hired already or to avoid', () => {
    const active = { status: 'active' as const, contractorKey: 'upwork:~01a' };
    expect(statusFromProject(active, 'prospect')).toBe('hired');
    expect(statusFromProject(active, 'shortlisted')).toBe('hired');
    expect(statusFromProject(active, 'hired')).toBeNull();
    expect(statusFromProject(active, 'avoid')).toBeNull();
  });

  it('leaves everyone as they are for projects that are not active, or have no contractor', () => {
    for (const status of PROJECT_STATUSES.filter((s) => s !== 'active')) {
      for (const current of CONTRACTOR_STATUSES) expect(statusFromProject({ status, contractorKey: 'k' }, current)).toBeNull();
    }
    expect(statusFromProject({ status: 'active' }, 'prospect')).toBeNull();
  });
});
