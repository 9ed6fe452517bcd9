/** Display formatting for the overlay: the user's locale, never the marketplace page's. */
import type { MarketplaceRating, Rate } from '../../lib/db/schema';
import { formatMoney } from '../../lib/domain/money';

const RATE_UNIT: Readonly<Record<Rate['unit'], (amount: string) => string>> = {
  hour: (a) => `${a}/hr`,
  fixed: (a) => `${a} fixed`,
  from: (a) => `from ${a}`,
};

/** "$45/hr", "from €20", "$500 fixed". */
export function formatRate(rate: Rate, locale?: string): string {
  return RATE_UNIT[rate.unit](formatMoney(rate.amountMinor, rate.currency, locale, { trimZeroFraction: true }));
}

/** "4.9/5" or "96%" for 100-point scales. */
export function formatMarketRating(rating: MarketplaceRating, locale?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(rating.score);
  return rating.outOf === 100 ? `${number}%` : `${number}/${rating.outOf}`;
}

/** "27 Nov 2026, 14:05" in the user's locale and time zone. */
export function formatTimestamp(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** "27 Nov 2026". */
export function formatDate(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
}

/** Machine-readable instant for <time dateTime>. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
