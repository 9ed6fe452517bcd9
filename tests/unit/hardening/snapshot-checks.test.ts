/**
 * The content script validates snapshots without zod (lib/sites/util/valid.ts) to stay small.
 * Those checks must agree with ProfileSnapshotSchema: whatever finishSnapshot keeps, the schema
 * accepts, over many random drafts full of edge values.
 */
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { finishSnapshot } from '../../../lib/sites/util/snapshot';
import { isMarketplaceRating, isRate, isUrl } from '../../../lib/sites/util/valid';
import { rng } from './rng';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const NUMS = [0, -1, 1, 4.5, 5, 100, 101, 1e13, 1e14, 1.5, NaN, Infinity, -0];
const STRS = [
  '',
  ' ',
  'x',
  'USD',
  'usd',
  'EURO',
  '<b>',
  'x'.repeat(2001),
  'https://example.com/a.png',
  'not a url',
  'javascript:alert(1)',
  '🙂',
];

describe('snapshot checks without zod', () => {
  it('agree with ProfileSnapshotSchema on 3,000 random drafts', () => {
    const r = rng(42);
    let kept = 0;
    for (let i = 0; i < 3000; i++) {
      const draft = {
        name: pick(r, [undefined, ...STRS]),
        headline: pick(r, [undefined, ...STRS]),
        location: pick(r, [undefined, ...STRS]),
        avatarUrl: pick(r, [undefined, ...STRS]),
        rate:
          r() < 0.3
            ? undefined
            : { amountMinor: pick(r, NUMS), currency: pick(r, STRS), unit: pick(r, ['hour', 'fixed', 'from', 'day', '']) },
        marketplaceRating: r() < 0.3 ? undefined : { score: pick(r, NUMS), outOf: pick(r, NUMS), count: pick(r, [undefined, ...NUMS]) },
        jobSuccess: pick(r, [undefined, ...NUMS]),
        skills: r() < 0.5 ? undefined : Array.from({ length: Math.floor(r() * 4) }, () => pick(r, STRS)),
      };
      const id = pick(r, ['~01abc', 'bob', 'x y', '']);
      const url = pick(r, ['https://www.upwork.com/freelancers/~01abc', 'not a url']);
      const out = finishSnapshot('upwork', id, url, draft as never);
      if (out) {
        kept++;
        const parsed = ProfileSnapshotSchema.safeParse(out);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
    }
    expect(kept).toBeGreaterThan(500);
  });

  it('reject exactly what the schema rejects for rates, ratings and URLs', () => {
    const shape = ProfileSnapshotSchema.shape;
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const rate = { amountMinor: pick(r, NUMS), currency: pick(r, STRS), unit: pick(r, ['hour', 'fixed', 'from', 'day']) };
      expect(isRate(rate)).toBe(shape.rate.safeParse(rate).success);
      const rating = { score: pick(r, NUMS), outOf: pick(r, NUMS), count: pick(r, [undefined, ...NUMS]) };
      expect(isMarketplaceRating(rating)).toBe(shape.marketplaceRating.safeParse(rating).success);
      const url = pick(r, STRS);
      expect(isUrl(url, 4000)).toBe(shape.avatarUrl.safeParse(url).success);
    }
  });
});
