/**
 * Reading a page with one known adapter. The content script of each marketplace uses only this
 * (with its own adapter), so it carries no other site's code; `index.ts` picks the adapter by host.
 */
import type { SiteId } from '../db/schema';
import type { ListingCard, PageReading, SiteAdapter } from './types';
import { absoluteUrl, canonicalHref, meta } from './util/dom';
import { finishSnapshot } from './util/snapshot';

export type { PageReading } from './types';

/** What the content script needs from its marketplace; each returns nothing for another site's URL. */
export interface SiteReader {
  readPage(url: URL, doc: Document): PageReading | null;
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
