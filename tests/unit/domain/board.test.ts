/** The board's filters and sorts (issue 16). */
import { describe, expect, it } from 'vitest';
import {
  compareRows,
  progressMatches,
  rateChange,
  rowMatches,
  sortRows,
  textMatches,
  windowOfFigured,
  type BoardRow,
  type BoardSort,
} from '../../../lib/domain/board';

function row(key: string, patch: Partial<BoardRow> = {}): BoardRow {
  return {
    key,
    name: key,
    site: 'upwork',
    status: 'prospect',
    profileUrl: `https://www.upwork.com/freelancers/${key}`,
    tags: [],
    lastSeenAt: 0,
    rating: null,
    ratingCount: 0,
    wouldRehire: null,
    progress: { done: 0, failed: 0, total: 10 },
    ...patch,
  };
}
const keys = (rows: BoardRow[]) => rows.map((r) => r.key);

describe('board filters', () => {
  const a = row('upwork:a', { tags: ['logo'], status: 'shortlisted', progress: { done: 10, failed: 0, total: 10 } });
  const b = row('fiverr:b', { site: 'fiverr', tags: ['copy'], progress: { done: 3, failed: 1, total: 10 } });
  const c = row('upwork:c', { status: 'avoid' });

  it('by list, tag, status, site and vetting progress, together', () => {
    const all = [a, b, c];
    expect(keys(all.filter((r) => rowMatches(r, { listId: 'l' }, new Set(['upwork:a', 'upwork:c']))))).toEqual(['upwork:a', 'upwork:c']);
    expect(keys(all.filter((r) => rowMatches(r, { tag: 'logo' })))).toEqual(['upwork:a']);
    expect(keys(all.filter((r) => rowMatches(r, { status: 'avoid' })))).toEqual(['upwork:c']);
    expect(keys(all.filter((r) => rowMatches(r, { site: 'fiverr' })))).toEqual(['fiverr:b']);
    expect(keys(all.filter((r) => rowMatches(r, { site: 'upwork', status: 'shortlisted', tag: 'logo' })))).toEqual(['upwork:a']);
    expect(keys(all.filter((r) => rowMatches(r, { listId: 'gone' })))).toEqual([]);
  });

  it('vetting progress buckets', () => {
    expect(progressMatches({ done: 0, failed: 0, total: 5 }, 'not-started')).toBe(true);
    expect(progressMatches({ done: 0, failed: 1, total: 5 }, 'not-started')).toBe(false);
    expect(progressMatches({ done: 0, failed: 1, total: 5 }, 'in-progress')).toBe(true);
    expect(progressMatches({ done: 5, failed: 0, total: 5 }, 'in-progress')).toBe(false);
    expect(progressMatches({ done: 5, failed: 0, total: 5 }, 'complete')).toBe(true);
    expect(progressMatches({ done: 0, failed: 0, total: 0 }, 'complete')).toBe(false);
    expect(progressMatches({ done: 2, failed: 1, total: 5 }, 'has-failed')).toBe(true);
    expect(progressMatches({ done: 2, failed: 0, total: 5 }, undefined)).toBe(true);
  });

  it('text search in name, headline, tags and key, ignoring case', () => {
    const r = row('upwork:~01xyz', { name: 'Zoë Écrit', headline: 'Brand identity', tags: ['Logo'] });
    expect(textMatches(r, 'zoë')).toBe(true);
    expect(textMatches(r, 'identity')).toBe(true);
    expect(textMatches(r, 'logo')).toBe(true);
    expect(textMatches(r, '~01xyz')).toBe(true);
    expect(textMatches(r, 'python')).toBe(false);
    expect(textMatches(r, '')).toBe(true);
  });
});

describe('board sorts', () => {
  const old = row('k:old', {
    lastSeenAt: 1,
    rating: 4.5,
    rate: { amountMinor: 5000, currency: 'USD', unit: 'hour' },
    progress: { done: 2, failed: 0, total: 10 },
  });
  const mid = row('k:mid', {
    lastSeenAt: 2,
    rating: null,
    rate: { amountMinor: 3000, currency: 'USD', unit: 'hour' },
    progress: { done: 9, failed: 0, total: 10 },
  });
  const fresh = row('k:new', { lastSeenAt: 3, rating: 3, progress: { done: 0, failed: 0, total: 10 } });
  const euro = row('k:eur', { lastSeenAt: 0, rating: 5, rate: { amountMinor: 1000, currency: 'EUR', unit: 'hour' } });
  const rows = [old, mid, fresh, euro];

  it('last seen, newest first or oldest first', () => {
    expect(keys(sortRows(rows, { by: 'lastSeen', dir: 'desc' }))).toEqual(['k:new', 'k:mid', 'k:old', 'k:eur']);
    expect(keys(sortRows(rows, { by: 'lastSeen', dir: 'asc' }))).toEqual(['k:eur', 'k:old', 'k:mid', 'k:new']);
  });

  it('your rating: unrated last in both directions', () => {
    expect(keys(sortRows(rows, { by: 'rating', dir: 'desc' }))).toEqual(['k:eur', 'k:old', 'k:new', 'k:mid']);
    expect(keys(sortRows(rows, { by: 'rating', dir: 'asc' }))).toEqual(['k:new', 'k:old', 'k:eur', 'k:mid']);
  });

  it('rate: within a currency, currencies grouped, no rate last', () => {
    expect(keys(sortRows(rows, { by: 'rate', dir: 'asc' }))).toEqual(['k:eur', 'k:mid', 'k:old', 'k:new']);
    // Currency groups keep their order (by code); amounts flip within each.
    expect(keys(sortRows(rows, { by: 'rate', dir: 'desc' }))).toEqual(['k:eur', 'k:old', 'k:mid', 'k:new']);
  });

  it('vetting progress, furthest first', () => {
    expect(keys(sortRows(rows, { by: 'progress', dir: 'desc' }))).toEqual(['k:mid', 'k:old', 'k:new', 'k:eur']);
  });

  it('is stable on ties (last seen, then key backwards: the lastSeenAt index read newest first)', () => {
    const x = row('k:x', { lastSeenAt: 5 });
    const y = row('k:y', { lastSeenAt: 5 });
    expect(compareRows({ by: 'rating', dir: 'desc' })(x, y)).toBeGreaterThan(0);
    expect(keys(sortRows([y, x], { by: 'name', dir: 'asc' }))).toEqual(['k:x', 'k:y']);
  });
});

describe('a window of the whole board from the figured rows alone', () => {
  // Everyone, as full rows; the figured ones are those rated / with an item done.
  const everyone = Array.from({ length: 25 }, (_, i) =>
    row(`k${String((i * 11) % 25).padStart(2, '0')}`, {
      lastSeenAt: Math.floor(i / 3) * 100,
      ...(i % 4 === 1 ? { rating: ((i * 3) % 5) + 1, ratingCount: 1 } : {}),
      ...(i % 3 === 0 ? { progress: { done: i % 6 === 0 ? 0 : (i % 5) + 1, failed: 1, total: 10 - (i % 2) } } : {}),
    }),
  );
  // Every key in the tie order, as the lastSeenAt index read backwards gives it.
  const seen = keys(sortRows(everyone, { by: 'lastSeen', dir: 'desc' }));
  for (const sort of [
    { by: 'rating', dir: 'desc' },
    { by: 'rating', dir: 'asc' },
    { by: 'progress', dir: 'desc' },
    { by: 'progress', dir: 'asc' },
  ] as BoardSort[]) {
    it(`gives the keys sortRows gives, sorted by ${sort.by} ${sort.dir}`, () => {
      const figured = everyone.filter((r) => (sort.by === 'rating' ? r.rating !== null : r.progress.done > 0));
      const expected = keys(sortRows(everyone, sort));
      for (const [offset, limit] of [
        [0, 25],
        [0, 4],
        [3, 9],
        [20, 10],
      ] as const) {
        expect(windowOfFigured(figured, seen, sort, offset, limit)).toEqual({ keys: expected.slice(offset, offset + limit), total: 25 });
      }
    });
  }
});

describe('rate change for the comparison', () => {
  it('since the first rate seen, in the same currency and unit only', () => {
    const first = { amountMinor: 4000, currency: 'USD', unit: 'hour' as const };
    const now = { amountMinor: 4500, currency: 'USD', unit: 'hour' as const };
    expect(rateChange([{ at: 10 }, { at: 20, rate: first }, { at: 30, rate: now }], now)).toEqual({
      from: first,
      deltaMinor: 500,
      since: 20,
    });
    expect(rateChange([{ at: 20, rate: first }], { ...now, currency: 'EUR' })).toBeNull();
    expect(rateChange([], now)).toBeNull();
  });
});
