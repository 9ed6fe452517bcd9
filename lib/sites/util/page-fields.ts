import type { SnapshotDraft } from '../types';
import { absoluteUrl, at, meta, num, str, text } from './dom';
import { jsonLdNodes, isType } from './json-ld';
import { isHourly, parseMoney } from './money';

/**
 * What any page says about the person it shows, from the most stable signal down: JSON-LD
 * Person, microdata, OpenGraph, then <h1> / <title>. Used by the generic adapter and by the
 * marketplaces we have no real capture of.
 */
export function pageFields(doc: Document, base: URL): SnapshotDraft {
  const person = jsonLdNodes(doc).find((n) => isType(n, 'Person'));
  const micro = doc.querySelector('[itemtype$="schema.org/Person"]');
  const image = at(person, 'image');
  const address = at(person, 'address');
  const rating = at(person, 'aggregateRating');
  const score = num(at(rating, 'ratingValue'));
  const title = meta(doc, 'og:title') ?? text(doc.querySelector('title'));
  const offer = at(person, 'makesOffer', 'priceSpecification') ?? at(person, 'makesOffer', 0, 'priceSpecification');
  const price = parseMoney(`${str(at(offer, 'price')) ?? ''} ${str(at(offer, 'priceCurrency')) ?? ''}`.trim());
  return {
    name:
      str(at(person, 'name')) ??
      text(micro?.querySelector('[itemprop="name"]')) ??
      text(doc.querySelector('h1')) ??
      title?.split(/\s+[|–—-]\s+/)[0],
    headline: str(at(person, 'jobTitle')) ?? meta(doc, 'og:description') ?? meta(doc, 'description'),
    avatarUrl: absoluteUrl(str(image) ?? str(at(image, 'url')) ?? meta(doc, 'og:image'), base)?.href,
    location:
      str(address) ??
      ([str(at(address, 'addressLocality')), str(at(address, 'addressCountry', 'name')) ?? str(at(address, 'addressCountry'))]
        .filter(Boolean)
        .join(', ') ||
        undefined),
    rate: price ? { ...price, unit: isHourly(str(at(offer, 'unitText')) ?? 'hour') ? 'hour' : 'fixed' } : undefined,
    marketplaceRating:
      score !== undefined
        ? { score, outOf: num(at(rating, 'bestRating')) ?? 5, count: num(at(rating, 'reviewCount')) ?? num(at(rating, 'ratingCount')) }
        : undefined,
    skills: Array.isArray(at(person, 'knowsAbout'))
      ? (at(person, 'knowsAbout') as unknown[]).map((s) => str(s) ?? str(at(s, 'name'))).filter((s): s is string => !!s)
      : undefined,
  };
}
