import { describe, expect, it } from 'vitest';
import { formatScore, reputation, type RatingInput } from '../../../lib/domain/reputation';

const r = (
  quality: number,
  communication: number,
  timeliness: number,
  value: number,
  wouldRehire: boolean,
  projectId: string | undefined,
  createdAt: number,
): RatingInput => ({ quality, communication, timeliness, value, wouldRehire, projectId, createdAt });

describe('reputation', () => {
  it('is empty with nulls when there are no ratings', () => {
    expect(reputation([])).toEqual({
      count: 0,
      averages: null,
      overall: null,
      projects: 0,
      wouldRehireCount: 0,
      wouldRehireShare: null,
      lastRatedAt: null,
      lastWouldRehire: null,
    });
  });

  it('averages each criterion and overall, counts distinct projects and the rehire share', () => {
    const rep = reputation([
      r(5, 4, 3, 4, true, 'p1', 100),
      r(4, 5, 5, 3, false, 'p2', 200),
      r(3, 3, 4, 2, true, undefined, 150),
      r(5, 5, 5, 5, true, 'p1', 50),
    ]);
    expect(rep.count).toBe(4);
    // quality 5+4+3+5 = 17, communication 4+5+3+5 = 17, timeliness 3+5+4+5 = 17, value 4+3+2+5 = 14
    expect(rep.averages).toEqual({ quality: 4.25, communication: 4.25, timeliness: 4.25, value: 3.5 });
    expect(rep.overall).toBe(65 / 16);
    // p1 (twice), p2 and one rating without a project.
    expect(rep.projects).toBe(3);
    expect(rep.wouldRehireCount).toBe(3);
    expect(rep.wouldRehireShare).toBe(0.75);
    expect(rep.lastRatedAt).toBe(200);
    expect(rep.lastWouldRehire).toBe(false);
  });

  it('handles a single rating', () => {
    const rep = reputation([r(1, 2, 3, 4, false, 'p', 7)]);
    expect(rep.overall).toBe(2.5);
    expect(rep.wouldRehireShare).toBe(0);
    expect(rep.projects).toBe(1);
  });
});

describe('formatScore', () => {
  it('shows one decimal in the locale, or a dash', () => {
    expect(formatScore(65 / 16, 'en-US')).toBe('4.1');
    expect(formatScore(4, 'en-US')).toBe('4.0');
    expect(formatScore(3.75, 'de-DE')).toBe('3,8');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(Number.NaN)).toBe('–');
  });
});
