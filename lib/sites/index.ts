/**
 * Marketplace page reading: pure (no extension APIs, no network, nothing on import).
 * `readPage` is the one entry point tests and benchmarks use; each marketplace's content script
 * reads through `siteReader(itsAdapter)` (reader.ts) so it carries only its own adapter.
 */
import type { SiteId } from '../db/schema';
import { handles, keyWith, readCardsWith, readWith } from './reader';
import { ADAPTERS } from './registry';
import type { ListingCard, PageReading, SiteAdapter } from './types';

export type { ListingCard, PageReading, SiteAdapter, SnapshotDraft } from './types';
export { readGenericPage } from './generic';
export { ADAPTERS } from './registry';
export { MARKETPLACE_MATCHES, isMarketplaceUrl, siteMatches } from './matches';
export { siteReader, type SiteReader } from './reader';

export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((a) => handles(a, url)) ?? null;
}

export function siteOf(url: URL): SiteId | null {
  return adapterFor(url)?.site ?? null;
}

/** The contractor key from the URL alone (side panel, client-side navigation); null for non-profile URLs. */
export function keyFromUrl(url: URL): { site: SiteId; key: string } | null {
  return keyWith(adapterFor(url), url);
}

/** CSS selectors of the site's own hire / contact buttons for `url` (empty when unknown). */
export function hireButtonSelectors(url: URL): readonly string[] {
  return adapterFor(url)?.hireButtonSelectors ?? [];
}

/** Reads a supported marketplace page; null when `url` is not on a supported marketplace. Never throws. */
export function readPage(url: URL, doc: Document): PageReading | null {
  const adapter = adapterFor(url);
  return adapter ? readWith(adapter, url, doc) : null;
}

/** The cards inside `within` only (nodes the page added since it was read); none off the marketplaces. Never throws. */
export function readCards(url: URL, doc: Document, within: readonly Element[]): ListingCard[] {
  const adapter = adapterFor(url);
  return adapter ? readCardsWith(adapter, url, doc, within) : [];
}
