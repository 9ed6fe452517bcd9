/**
 * Field checks that mirror ProfileSnapshotSchema (lib/db/schema.ts) without zod: the content
 * script carries the adapters to every marketplace page, and zod would triple its size. The
 * background validates every report with the real schema anyway; these checks only keep an
 * adapter from sending a field that would get the whole report refused.
 * tests/unit/sites/valid.test.ts checks they agree with the schema.
 */
import { SITE_IDS } from '../../db/constants';
import type { MarketplaceRating, Rate, SiteId } from '../../db/schema';

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
const inRange = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max;

export function isUrl(value: unknown, max: number): value is string {
  if (typeof value !== 'string' || value.length > max) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export const isText = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

export const isKey = (value: unknown): value is string => isText(value, 300, 3) && /^[a-z]+:\S+$/.test(value);

export const isSite = (value: unknown): value is SiteId => (SITE_IDS as readonly unknown[]).includes(value);

export function isRate(value: unknown): value is Rate {
  const r = value as Rate;
  return (
    typeof r === 'object' &&
    r !== null &&
    isInt(r.amountMinor) &&
    inRange(r.amountMinor, 0, 1e13) &&
    typeof r.currency === 'string' &&
    /^[A-Z]{3}$/.test(r.currency) &&
    (r.unit === 'hour' || r.unit === 'fixed' || r.unit === 'from')
  );
}

export function isMarketplaceRating(value: unknown): value is MarketplaceRating {
  const r = value as MarketplaceRating;
  return (
    typeof r === 'object' &&
    r !== null &&
    inRange(r.score, 0, 100) &&
    inRange(r.outOf, Number.MIN_VALUE, 100) &&
    (r.count === undefined || (isInt(r.count) && r.count >= 0))
  );
}

export const isPercent = (value: unknown): value is number => inRange(value, 0, 100);

export const isSkills = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 200 && value.every((s) => isText(s, 200));
