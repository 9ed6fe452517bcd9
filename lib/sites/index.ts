/**
 * Marketplace page reading: pure (no extension APIs, no network, nothing on import).
 * `readPage` is the one entry point the content script, tests and benchmarks use.
 */
import type { SiteId } from '../db/schema';
import { ADAPTERS } from './registry';
import type { ListingCard, PageReading, SiteAdapter } from './types';
import { absoluteUrl, canonicalHref, meta } from './util/dom';
import { finishSnapshot } from './util/snapshot';

export type { ListingCard, PageReading, SiteAdapter, SnapshotDraft } from './types';
export { readGenericPage } from './generic';
export { ADAPTERS } from './registry';
export { MARKETPLACE_MATCHES, isMarketplaceUrl } from './matches';

export function adapterFor(url: URL): SiteAdapter | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  return ADAPTERS.find((a) => a.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}

export function siteOf(url: URL): SiteId | null {
  return adapterFor(url)?.site ?? null;
}

/** The contractor key from the URL alone (side panel, client-side navigation); null for non-profile URLs. */
export function keyFromUrl(url: URL): { site: SiteId; key: string } | null {
  const adapter = adapterFor(url);
  const id = adapter?.idFromUrl(url);
  return adapter && id ? { site: adapter.site, key: `${adapter.site}:${id}` } : null;
}

/** CSS selectors of the site's own hire / contact buttons for `url` (empty when unknown). */
export function hireButtonSelectors(url: URL): readonly string[] {
  return adapterFor(url)?.hireButtonSelectors ?? [];
}

/** The first of `hrefs` that is a URL of contractor `id`, without query and hash. */
function seenUrl(adapter: SiteAdapter, base: URL, id: string, hrefs: (string | undefined)[]): URL | undefined {
  for (const href of hrefs) {
    const u = absoluteUrl(href, base);
    if (!u || adapter.idFromUrl(u) !== id) continue;
    u.search = '';
    u.hash = '';
    return u;
  }
  return undefined;
}

/** Reads a supported marketplace page; null when `url` is not on a supported marketplace. Never throws. */
export function readPage(url: URL, doc: Document): PageReading | null {
  const adapter = adapterFor(url);
  if (!adapter) return null;
  const site = adapter.site;
  const urlId = adapter.idFromUrl(url);
  try {
    const r = adapter.read(url, doc, urlId);
    const seen = r.id ? seenUrl(adapter, url, r.id, [canonicalHref(doc), meta(doc, 'og:url'), url.href]) : undefined;
    const profile = r.id ? finishSnapshot(site, r.id, adapter.profileUrl(r.id, seen), r.draft) : null;
    const cards: ListingCard[] = [];
    for (const c of r.cards) {
      const p = finishSnapshot(site, c.id, adapter.profileUrl(c.id, seenUrl(adapter, url, c.id, [c.href])), c.draft);
      if (p) cards.push({ element: c.element, profile: p });
    }
    return { site, profile, cards };
  } catch {
    // A page the adapter half understands: fall back to what the URL says.
    const profile = urlId ? finishSnapshot(site, urlId, adapter.profileUrl(urlId, seenUrl(adapter, url, urlId, [url.href])), {}) : null;
    return { site, profile, cards: [] };
  }
}
