/**
 * Reading a page with one known adapter. The content script of each marketplace uses only this
 * (with its own adapter), so it carries no other site's code; `index.ts` picks the adapter by host.
 */
import type { SiteId } from '../db/schema';
import type { AdapterReading, ListingCard, PageReading, SiteAdapter } from './types';
import { absoluteUrl, canonicalHref, meta } from './util/dom';
import { finishSnapshot } from './util/snapshot';

export type { PageReading } from './types';

/** What the content script needs from its marketplace; each returns nothing for another site's URL. */
export interface SiteReader {
  readPage(url: URL, doc: Document): PageReading | null;
  /** The cards inside `within` only (nodes the page added since it was read): none for another site's URL. */
  readCards(url: URL, doc: Document, within: readonly Element[]): ListingCard[];
  keyFromUrl(url: URL): { site: SiteId; key: string } | null;
  hireButtonSelectors(url: URL): readonly string[];
}

/** True when `url` is on one of `adapter`'s hosts (http or https, any subdomain). */
export function handles(adapter: SiteAdapter, url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return adapter.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

export function siteReader(adapter: SiteAdapter): SiteReader {
  const mine = (url: URL) => (handles(adapter, url) ? adapter : null);
  return {
    readPage: (url, doc) => (mine(url) ? readWith(adapter, url, doc) : null),
    readCards: (url, doc, within) => (mine(url) ? readCardsWith(adapter, url, doc, within) : []),
    keyFromUrl: (url) => keyWith(mine(url), url),
    hireButtonSelectors: (url) => mine(url)?.hireButtonSelectors ?? [],
  };
}

export function keyWith(adapter: SiteAdapter | null, url: URL): { site: SiteId; key: string } | null {
  const id = adapter?.idFromUrl(url);
  return adapter && id ? { site: adapter.site, key: `${adapter.site}:${id}` } : null;
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

/** False when the page's canonical link or og:url is there and is not a URL of contractor `id`. */
function pageNames(adapter: SiteAdapter, base: URL, doc: Document, id: string): boolean {
  const refs = [canonicalHref(doc), meta(doc, 'og:url')].filter((h): h is string => !!h);
  return (
    refs.length === 0 ||
    refs.some((h) => {
      const u = absoluteUrl(h, base);
      return !!u && adapter.idFromUrl(u) === id;
    })
  );
}

/** Reads a page of `adapter`'s site (the caller checked the host). Never throws. */
export function readWith(adapter: SiteAdapter, url: URL, doc: Document): PageReading {
  const site = adapter.site;
  const urlId = adapter.idFromUrl(url);
  try {
    const r = adapter.read(url, doc, urlId);
    // DESIGN.md rule 7: a page whose own canonical / og:url names someone else (or no one: a
    // listing) says nothing about this contractor, unless the adapter tied each field to them.
    if (r.id && !r.ownFields && !pageNames(adapter, url, doc, r.id)) r.draft = {};
    const seen = r.id ? seenUrl(adapter, url, r.id, [canonicalHref(doc), meta(doc, 'og:url'), url.href]) : undefined;
    const profile = r.id ? finishSnapshot(site, r.id, adapter.profileUrl(r.id, seen), r.draft) : null;
    return { site, profile, cards: finishCards(adapter, url, r.cards) };
  } catch {
    // A page the adapter half understands: fall back to what the URL says.
    const profile = urlId ? finishSnapshot(site, urlId, adapter.profileUrl(urlId, seenUrl(adapter, url, urlId, [url.href])), {}) : null;
    return { site, profile, cards: [] };
  }
}

/**
 * Reads only the cards inside `within` (what the page added since it was read: an appended page of
 * results, one more card), so a page of 10,000 cards is not walked again for each new one. Never throws.
 */
export function readCardsWith(adapter: SiteAdapter, url: URL, doc: Document, within: readonly Element[]): ListingCard[] {
  if (within.length === 0) return [];
  try {
    return finishCards(adapter, url, adapter.read(url, doc, adapter.idFromUrl(url), within).cards);
  } catch {
    return [];
  }
}

function finishCards(adapter: SiteAdapter, url: URL, found: AdapterReading['cards']): ListingCard[] {
  const cards: ListingCard[] = [];
  for (const c of found) {
    const p = finishSnapshot(adapter.site, c.id, adapter.profileUrl(c.id, seenUrl(adapter, url, c.id, [c.href])), c.draft);
    if (p) cards.push({ element: c.element, profile: p });
  }
  return cards;
}
