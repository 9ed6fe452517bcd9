import { openDb, type VettedDb } from '../../../lib/db/database';
import type { ProfileSnapshot } from '../../../lib/db/schema';

let counter = 0;
/** A database of its own for each test (fake-indexeddb). */
export const freshDb = (): VettedDb => openDb(`vetted-db-test-${Date.now()}-${++counter}`);

export const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
export const HOUR = 3_600_000;

/** Deterministic ids so tests can name records. */
export function ids(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export function snap(overrides: Partial<ProfileSnapshot> = {}): ProfileSnapshot {
  return {
    key: 'upwork:~01abc',
    site: 'upwork',
    siteId: '~01abc',
    name: 'Ada Lovelace',
    profileUrl: 'https://www.upwork.com/freelancers/~01abc',
    rate: { amountMinor: 8000, currency: 'USD', unit: 'hour' },
    marketplaceRating: { score: 4.9, outOf: 5, count: 31 },
    jobSuccess: 98,
    ...overrides,
  };
}
