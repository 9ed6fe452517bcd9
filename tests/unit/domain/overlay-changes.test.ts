import { describe, expect, it } from 'vitest';
import { hasMoved, profileChanges } from '../../../lib/domain/overlay-changes';

const usd = (amountMinor: number, unit: 'hour' | 'fixed' | 'from' = 'hour') => ({ amountMinor, currency: 'USD', unit });

describe('profileChanges', () => {
  it('reports nothing without history', () => {
    const changes = profileChanges({ rate: usd(4000), history: [] });
    expect(changes).toEqual({});
    expect(hasMoved(changes)).toBe(false);
  });

  it('compares today with the first entry that has each field', () => {
    const changes = profileChanges({
      rate: usd(4500),
      marketplaceRating: { score: 4.6, outOf: 5, count: 30 },
      jobSuccess: 92,
      history: [
        { at: 100, jobSuccess: 95 },
        { at: 200, rate: usd(3000), marketplaceRating: { score: 4.9, outOf: 5, count: 10 }, jobSuccess: 95 },
        { at: 300, rate: usd(4500), marketplaceRating: { score: 4.6, outOf: 5, count: 30 }, jobSuccess: 92 },
      ],
    });
    expect(changes.rate).toEqual({ first: usd(3000), current: usd(4500), trend: 'up', since: 200 });
    expect(changes.marketplaceRating?.trend).toBe('down');
    expect(changes.marketplaceRating?.since).toBe(200);
    expect(changes.jobSuccess).toEqual({ first: 95, current: 92, trend: 'down', since: 100 });
    expect(hasMoved(changes)).toBe(true);
  });

  it('treats the same rating on another scale as unchanged', () => {
    const changes = profileChanges({
      marketplaceRating: { score: 96, outOf: 100 },
      history: [{ at: 1, marketplaceRating: { score: 4.8, outOf: 5 } }],
    });
    expect(changes.marketplaceRating?.trend).toBe('same');
    expect(hasMoved(changes)).toBe(false);
  });

  it('leaves out a rate in another currency or unit instead of comparing it', () => {
    const eur = { amountMinor: 3000, currency: 'EUR', unit: 'hour' as const };
    expect(profileChanges({ rate: eur, history: [{ at: 1, rate: usd(3000) }] }).rate).toBeUndefined();
    expect(profileChanges({ rate: usd(3000, 'fixed'), history: [{ at: 1, rate: usd(3000) }] }).rate).toBeUndefined();
  });

  it('leaves out a field the page no longer shows', () => {
    expect(profileChanges({ history: [{ at: 1, rate: usd(3000) }] }).rate).toBeUndefined();
  });
});
