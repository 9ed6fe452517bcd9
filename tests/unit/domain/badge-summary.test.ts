import { describe, expect, it } from 'vitest';
import { badgeSummary } from '../../../lib/domain/badge-summary';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import type { Rating } from '../../../lib/db/schema';

const rating = (over: Partial<Rating>): Rating => ({
  id: Math.random().toString(36),
  contractorKey: 'fiverr:ana',
  quality: 4,
  communication: 4,
  timeliness: 4,
  value: 5,
  wouldRehire: true,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const none = new Set<string>();

describe('badgeSummary', () => {
  it('says nothing about a contractor you have no data about', () => {
    expect(
      badgeSummary(
        { key: 'fiverr:ana', checks: [{ itemId: 'interview', state: 'todo' }], hasNotes: false, ratings: [], projectIds: none },
        DEFAULT_CHECKLIST,
      ),
    ).toBeNull();
  });

  it('counts projects from projects and from ratings, a rating without a project as one of its own', () => {
    const s = badgeSummary(
      {
        key: 'fiverr:ana',
        status: 'hired',
        checks: [{ itemId: DEFAULT_CHECKLIST[0]!.id, state: 'done' }],
        hasNotes: false,
        ratings: [rating({ projectId: 'p1' }), rating({ projectId: 'p2' }), rating({})],
        projectIds: new Set(['p1']),
      },
      DEFAULT_CHECKLIST,
    );
    expect(s).toMatchObject({ key: 'fiverr:ana', status: 'hired', averageRating: 4.3, projects: 3 });
    expect(s?.vetted.done).toBe(1);
  });

  it('a note alone, or a status other than prospect, is data', () => {
    expect(badgeSummary({ key: 'a:b', checks: [], hasNotes: true, ratings: [], projectIds: none }, DEFAULT_CHECKLIST)?.status).toBe(
      'prospect',
    );
    expect(
      badgeSummary({ key: 'a:b', status: 'avoid', checks: [], hasNotes: false, ratings: [], projectIds: none }, DEFAULT_CHECKLIST)?.status,
    ).toBe('avoid');
  });
});
