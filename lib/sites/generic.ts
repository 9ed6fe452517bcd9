import type { ProfileSnapshot } from '../db/schema';
import { absoluteUrl, at, canonicalHref, meta, num, str, text } from './util/dom';
import { jsonLdNodes, isType } from './util/json-ld';
import { finishSnapshot } from './util/snapshot';

/** `generic:<host><path>`: lower-case host without www, no query, hash or trailing slash. */
export function genericId(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}`;
}

/**
 * Reads a contractor from any page for "Track this page as a contractor": JSON-LD Person first,
 * then OpenGraph, then the page title. Always returns a snapshot for an http(s) page, because
 * the user has said this page is a contractor.
 */
export function readGenericPage(url: URL, doc: Document): ProfileSnapshot | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const person = jsonLdNodes(doc).find((n) => isType(n, 'Person'));
  const canonical = absoluteUrl(canonicalHref(doc), url);
  // Trust the canonical link only on the same site: a page must not file itself under another host.
  const pageUrl = canonical && canonical.hostname === url.hostname ? canonical : url;
  const clean = new URL(pageUrl.href);
  clean.search = '';
  clean.hash = '';
  const image = at(person, 'image');
  const address = at(person, 'address');
  const rating = at(person, 'aggregateRating');
  const score = num(at(rating, 'ratingValue'));
  const title = meta(doc, 'og:title') ?? text(doc.querySelector('title'));
  return finishSnapshot('generic', genericId(clean), clean.href, {
    name: str(at(person, 'name')) ?? title?.split(/\s+[|–—-]\s+/)[0],
    headline: str(at(person, 'jobTitle')) ?? str(at(person, 'description')) ?? meta(doc, 'og:description') ?? meta(doc, 'description'),
    avatarUrl: absoluteUrl(str(image) ?? str(at(image, 'url')) ?? meta(doc, 'og:image'), url)?.href,
    location: str(address) ?? ([str(at(address, 'addressLocality')), str(at(address, 'addressCountry'))].filter(Boolean).join(', ') || undefined),
    marketplaceRating: score !== undefined ? { score, outOf: num(at(rating, 'bestRating')) ?? 5, count: num(at(rating, 'reviewCount')) ?? num(at(rating, 'ratingCount')) } : undefined,
  });
}
