import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { at, defined, firstText, jsonScript, num, str, text } from './util/dom';
import { jsonLdOfType } from './util/json-ld';
import { findCards, linkIds, type UrlParts } from './util/cards';
import { parseMoney } from './util/money';

// First path segments that are Fiverr's own pages, never a seller's username.
const RESERVED = new Set(
  `categories search gigs pro support pages resources cp start_selling login join inbox orders seller_dashboard business logo-maker
  stories community press privacy terms_of_service hc sitemap settings manage_gigs manage_orders lists collections subscriptions
  partnerships affiliates events jobs careers about how-it-works invite trust_safety go mobile seller_onboarding become-a-seller
  buyer_requests discover professions levels cart checkout notifications analytics earnings guides learn online-courses workspace
  agencies ai solutions enterprise teams feedback legal-portal hire fiverr-go experts static s users_verification pricing qa`.split(/\s+/),
);
const LOCALE = /^\/(?:de|es|fr|it|nl|pt|ja|zh)(?=\/)/i;
const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,40}$/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?fiverr\.com$/i.test(url.hostname)) return null;
  let segs = url.pathname.replace(LOCALE, '').split('/').filter(Boolean);
  if (segs[0] === 'users' && segs.length >= 2) segs = segs.slice(1);
  const first = segs[0];
  if (!first || segs.length > 3 || RESERVED.has(first.toLowerCase()) || !USERNAME.test(first)) return null;
  return first.toLowerCase();
}

type Json = Record<string, unknown>;

function sellerFromState(props: unknown, id: string): SnapshotDraft | undefined {
  const seller = at(props, 'seller');
  if (str(at(seller, 'user', 'name'))?.toLowerCase() !== id) return undefined;
  const cents = num(at(seller, 'hourlyRate', 'priceInCents'));
  const card = at(props, 'sellerCard');
  const score = num(at(seller, 'rating', 'score')) ?? num(at(card, 'rating'));
  const count = num(at(seller, 'rating', 'count')) ?? num(at(card, 'ratingsCount'));
  const skills = at(seller, 'activeStructuredSkills');
  return {
    name: str(at(seller, 'user', 'profile', 'displayName')),
    headline: str(at(seller, 'oneLinerTitle')),
    avatarUrl: str(at(seller, 'user', 'profileImageUrl')) ?? str(at(seller, 'user', 'profileImage', 'previewUrl', 'url')),
    location: str(at(seller, 'user', 'address', 'countryName')),
    // Fiverr keeps the seller's hourly rate in US cents whatever the display currency.
    rate: cents !== undefined ? { amountMinor: Math.round(cents), currency: 'USD', unit: 'hour' } : undefined,
    marketplaceRating: score !== undefined ? { score, outOf: 5, count } : undefined,
    skills: Array.isArray(skills) ? skills.map((s) => str(at(s, 'name'))).filter((s): s is string => !!s) : undefined,
  };
}

function sellerFromDom(doc: Document, id: string, isGig: boolean): SnapshotDraft {
  const ratingText = text(doc.querySelector('[aria-label="Rating"]'));
  const score = num(/\d(?:\.\d+)?/.exec(ratingText ?? '')?.[0]);
  const count = num(/\(([\d,]+)\)/.exec(ratingText ?? '')?.[1]);
  const offer = at(jsonLdOfType(doc, 'Product'), 'offers');
  const from = parseMoney(`${str(at(offer, 'lowPrice')) ?? ''} ${str(at(offer, 'priceCurrency')) ?? ''}`);
  return {
    name:
      firstText(doc, ['h1[aria-label="Public Name"]', '[aria-label="Public Name"]', '[aria-label="Scroll to about the seller"]']) ??
      (isGig ? undefined : firstText(doc, ['h1'])),
    avatarUrl: doc.querySelector(`figure[title="${id}" i] img, img[alt="${id}" i]`)?.getAttribute('src') ?? undefined,
    rate: isGig && from ? { ...from, unit: 'from' } : undefined,
    marketplaceRating: !isGig && score !== undefined ? { score, outOf: 5, count } : undefined,
  };
}

/** Gig records of listing pages, by gig id (search, category and tag pages keep them in different places). */
function gigsById(props: unknown): Map<string, Json> {
  const lists = [at(props, 'gigs'), at(props, 'items'), at(props, 'rawListingData', 'gigs')];
  const listings = at(props, 'listings');
  if (Array.isArray(listings)) for (const l of listings) lists.push(at(l, 'gigs'));
  const out = new Map<string, Json>();
  for (const list of lists)
    if (Array.isArray(list))
      for (const g of list) if (g && typeof g === 'object') out.set(String(at(g, 'gig_id') ?? at(g, 'gigId')), g as Json);
  return out;
}

/** A card as its visitor sees it: the seller link's text, the avatar, the "From $30" link. */
function cardFromDom(el: Element, anchors: HTMLAnchorElement[], currency: string): SnapshotDraft {
  const sellerLink = anchors.find((a) => !/^\/[^/?#]+\/[^/?#]+/.test(a.getAttribute('href') ?? ''));
  const money = parseMoney(
    anchors.map((a) => text(a)).find((t) => t && /^from\b/i.test(t)),
    currency,
  );
  return {
    name: text(sellerLink) ?? el.querySelector('figure[title]')?.getAttribute('title') ?? undefined,
    avatarUrl: el.querySelector('figure img')?.getAttribute('src') ?? undefined,
    rate: money ? { ...money, unit: 'from' } : undefined,
  };
}

/** The page's JSON for a card the markup didn't explain (the category page's blob is 1 MB: parsed only then). */
function cardFromState(el: Element, id: string, gigs: Map<string, Json>): SnapshotDraft {
  const gig = gigs.get((el.getAttribute('data-gig-id') ?? '').split('_')[0]!);
  if (!gig || str(at(gig, 'seller_name'))?.toLowerCase() !== id) return {};
  return { name: str(at(gig, 'seller_display_name')), avatarUrl: str(at(gig, 'seller_img')) };
}

export const fiverr: SiteAdapter = {
  site: 'fiverr',
  hosts: ['fiverr.com'],
  idFromUrl,
  profileUrl: (id) => `https://www.fiverr.com/${id}`,
  read(url, doc, id, within): AdapterReading {
    let props: unknown;
    let gigs: Map<string, Json> | undefined;
    const state = () => (props ??= jsonScript(doc, 'script#perseus-initial-props') ?? null);
    const isGig = url.pathname.replace(LOCALE, '').split('/').filter(Boolean).length >= 2;
    const draft = id && !within ? { ...sellerFromDom(doc, id, isGig), ...defined(sellerFromState(state(), id)) } : {};
    const currency = (id ? str(at(state(), 'currency', 'name')) : undefined) ?? 'USD';
    const cards = findCards(doc, linkIds(idFromUrl, url), { cardAttribute: 'data-gig-id', exclude: id, within }).map((c) => {
      const seen = cardFromDom(c.element, c.anchors, currency);
      return {
        id: c.id,
        element: c.element,
        draft: seen.name ? seen : { ...seen, ...defined(cardFromState(c.element, c.id, (gigs ??= gigsById(state())))) },
      };
    });
    return { id, draft, cards };
  },
  // Only hooks seen in the captures; the profile's own "Contact me" button has hashed classes only.
  hireButtonSelectors: ['[data-testid="contact-seller-trigger"]', '.contact-seller', 'button[aria-label^="Contact" i]'],
  examples: {
    profiles: {
      'https://www.fiverr.com/tonigdesign': 'tonigdesign',
      'https://www.fiverr.com/TonigDesign?source=gig_cards&ref_ctx_id=1': 'tonigdesign',
      'https://www.fiverr.com/de/tonigdesign/': 'tonigdesign',
      'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you?context_referrer=subcategory_listing': 'vpross',
      'https://fiverr.com/users/arham1_seo': 'arham1_seo',
    },
    notProfiles: [
      'https://www.fiverr.com/',
      'https://www.fiverr.com/categories',
      'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
      'https://www.fiverr.com/search/gigs?query=writer%27s%20block',
      'https://www.fiverr.com/gigs/1000-seo-backlinks',
      'https://www.fiverr.com/pro',
      'https://www.fiverr.com/support',
      'https://www.fiverr.com/start_selling',
      'https://www.fiverr.com/resources/guides/business/how-to-hire',
    ],
  },
};
