/**
 * How a contractor's marketplace numbers moved since you first looked at them: the overlay shows
 * "$40/h, was $30/h" so a quiet price rise or a falling rating is noticed before hiring.
 */
import type { HistoryEntry, MarketplaceRating, Rate } from '../db/schema';

export type Trend = 'up' | 'down' | 'same';

export interface Change<T> {
  first: T;
  current: T;
  trend: Trend;
  /** First time this value was seen (epoch ms). */
  since: number;
}

export interface ProfileChanges {
  rate?: Change<Rate>;
  marketplaceRating?: Change<MarketplaceRating>;
  jobSuccess?: Change<number>;
}

export interface ChangeInput {
  rate?: Rate;
  marketplaceRating?: MarketplaceRating;
  jobSuccess?: number;
  history: readonly HistoryEntry[];
}

function trendOf(first: number, current: number): Trend {
  if (current > first) return 'up';
  if (current < first) return 'down';
  return 'same';
}

/** First history entry that has the field: the baseline to compare today's value with. */
function baseline<K extends 'rate' | 'marketplaceRating' | 'jobSuccess'>(
  history: readonly HistoryEntry[],
  field: K,
): { value: NonNullable<HistoryEntry[K]>; at: number } | undefined {
  for (const entry of history) {
    const value = entry[field];
    if (value !== undefined) return { value: value as NonNullable<HistoryEntry[K]>, at: entry.at };
  }
  return undefined;
}

/**
 * Compares today's values with the first ones recorded. A rate in another currency or unit is not
 * comparable (no conversion, DESIGN.md rule 5): it is left out rather than compared.
 * Ratings are compared as fractions of their scale, so "4.8/5" and "96/100" agree.
 */
export function profileChanges(input: ChangeInput): ProfileChanges {
  const out: ProfileChanges = {};
  const rate = baseline(input.history, 'rate');
  if (rate && input.rate && rate.value.currency === input.rate.currency && rate.value.unit === input.rate.unit) {
    out.rate = {
      first: rate.value,
      current: input.rate,
      trend: trendOf(rate.value.amountMinor, input.rate.amountMinor),
      since: rate.at,
    };
  }
  const rating = baseline(input.history, 'marketplaceRating');
  if (rating && input.marketplaceRating) {
    out.marketplaceRating = {
      first: rating.value,
      current: input.marketplaceRating,
      trend: trendOf(
        Math.round((rating.value.score / rating.value.outOf) * 1000),
        Math.round((input.marketplaceRating.score / input.marketplaceRating.outOf) * 1000),
      ),
      since: rating.at,
    };
  }
  const js = baseline(input.history, 'jobSuccess');
  if (js && input.jobSuccess !== undefined) {
    out.jobSuccess = { first: js.value, current: input.jobSuccess, trend: trendOf(js.value, input.jobSuccess), since: js.at };
  }
  return out;
}

/** Whether anything moved at all (the header shows "unchanged since …" otherwise). */
export function hasMoved(changes: ProfileChanges): boolean {
  return [changes.rate, changes.marketplaceRating, changes.jobSuccess].some((c) => c !== undefined && c.trend !== 'same');
}
