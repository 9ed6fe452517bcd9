import type { SiteAdapter, SnapshotDraft } from './types';
import { canonicalHref, meta, num, text } from './util/dom';
import { hrefIds, type UrlParts } from './util/cards';
import { cardsById, insideAny, ownText, type IdCard } from './util/id-cards';
import { parseMoney, toMinor } from './util/money';
import { nuxtSkills } from './util/nuxt';
import { oncePerText } from './util/parse-once';
import { readTile } from './util/upwork-tile';

// A freelancer / agency profile ciphertext. Jobs use ~02…, so ~01 keeps job pages out.
const CIPHER = /~(01[0-9a-f]{10,30})(?![0-9a-z])/i;
const NOT_PROFILE_PATHS = /^\/(?:jobs?|nx\/(?:wm|proposals|find-work)|ab\/proposals|services|o\/jobs)\b/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?upwork\.com$/i.test(url.hostname) || NOT_PROFILE_PATHS.test(url.pathname)) return null;
  const c = CIPHER.exec(url.pathname);
  if (c) return `~${c[1]!.toLowerCase()}`;
  // Agencies without a ciphertext in the URL: the slug is all the URL says.
  const ag = /^\/agencies\/([a-z0-9][\w-]*)\/?$/i.exec(url.pathname);
  return ag ? `agencies/${ag[1]!.toLowerCase()}` : null;
}

/** Vanity pages (/fl/name, /freelancers/name) carry the ciphertext in the page, not the URL. */
function isVanity(url: URL): boolean {
  return /^\/(?:fl|freelancers)\/[a-z0-9][\w-]*\/?$/i.test(url.pathname);
}

function cipherIn(value: string | undefined): string | null {
  const c = value ? CIPHER.exec(value) : null;
  return c ? `~${c[1]!.toLowerCase()}` : null;
}

type NuxtFacts = { cipher: string | null; rate?: SnapshotDraft['rate']; skills?: string[] };

/** A few literals out of the `window.__NUXT__` script, by pattern: the page's scripts never run. Once per visit (util/parse-once.ts). */
function nuxtFacts(doc: Document): NuxtFacts {
  for (const s of doc.scripts) {
    const facts = oncePerText(s, 'nuxt', (script): NuxtFacts | null => (script.includes('window.__NUXT__') ? factsOf(script) : null));
    if (facts) return facts;
  }
  return { cipher: null };
}

function factsOf(script: string): NuxtFacts {
  const profileUrl = /profileUrl:"([^"]+)"/.exec(script)?.[1]?.replace(/\\u002F/g, '/');
  const rate = /hourlyRate:\{currencyCode:"([A-Z]{3})",amount:([\d.]+)\}/.exec(script);
  const amountMinor = rate ? toMinor(Number(rate[2]), rate[1]!) : undefined;
  return {
    cipher: cipherIn(profileUrl),
    rate: rate && amountMinor !== undefined ? { amountMinor, currency: rate[1]!, unit: 'hour' } : undefined,
    skills: nuxtSkills(script),
  };
}

/**
 * The profile fields inside `root` (the page itself when page-level data names the contractor,
 * else the slider showing them), never from inside another contractor's card (`foreign`).
 * Meta tags count only when `page` is given: they name this contractor.
 */
function readProfile(root: ParentNode, page: Document | null, foreign: Element[]): SnapshotDraft {
  const mine = (el: Element | null | undefined) => (el && !insideAny(el, foreign) ? el : null);
  const personEl = mine(root.querySelector('[itemtype$="schema.org/Person"]'));
  const person: ParentNode = personEl ?? root;
  const ratingEl = mine(root.querySelector('[data-test="rating-avg"]'));
  const score = num(personEl?.getAttribute('profile-rating')) ?? num(/\d(?:\.\d)?/.exec(text(ratingEl) ?? '')?.[0]);
  const count = num(personEl?.getAttribute('feedbacks-count')) ?? num(/\((\d+)\)/.exec(text(ratingEl) ?? '')?.[1]);
  const jss = [...root.querySelectorAll('[data-test="badge-hidden-label"], .sr-only')].find(
    (e) => !insideAny(e, foreign) && /job success/i.test(e.textContent ?? ''),
  );
  const jssValue = num(/(\d{1,3})\s*%/.exec(text(jss?.parentElement) ?? '')?.[1]);
  const locality = ownText(person, ['[itemprop="locality"]'], foreign);
  const country = ownText(person, ['[itemprop="country-name"]'], foreign);
  const amount = page ? meta(page, 'product:price:amount') : undefined;
  const currency = page ? meta(page, 'product:price:currency') : undefined;
  const metaRate = amount && currency ? parseMoney(`${amount} ${currency}`) : undefined;
  const avatar = [...person.querySelectorAll('img.air3-avatar, img[alt]')].find((i) => !insideAny(i, foreign));
  return {
    name: ownText(person, ['[itemprop="name"]', 'h1', 'h2'], foreign) ?? (page ? meta(page, 'og:title') : undefined),
    headline: (page ? meta(page, 'og:description') : undefined) ?? ownText(person, ['.title-vertical'], foreign),
    avatarUrl: avatar?.getAttribute('src') ?? (page ? meta(page, 'og:image') : undefined),
    location: [locality, country].filter(Boolean).join(', ') || undefined,
    rate: metaRate ? { ...metaRate, unit: 'hour' } : undefined,
    marketplaceRating: score !== undefined && count !== undefined ? { score, outOf: 5, count } : undefined,
    jobSuccess: jssValue,
  };
}

// The profile slider over a list (2022 `/ab/profiles/search/details/~…/profile`, today's Air3 slider).
const SLIDER = '.up-slider-content, [data-test="slider"], [role="dialog"], [aria-modal="true"]';
const SLIDER_URL = /\/details\/~01[0-9a-f]+(?:\/|$)/i;

/**
 * Where this contractor's fields may be read (DESIGN.md rule 7): the page when its own data names
 * them; else the open slider that shows them (carries their id, or holds no one else's at their
 * slider URL); else their card on the list; else nowhere.
 */
function profileSource(doc: Document, url: URL, id: string, pageCipher: string | null, cards: IdCard[]): SnapshotDraft {
  const foreign = cards.filter((c) => c.id !== id).map((c) => c.element);
  if (pageCipher === id || (!pageCipher && !SLIDER_URL.test(url.pathname) && foreign.length === 0)) return readProfile(doc, doc, foreign);
  const own = cards.find((c) => c.id === id);
  for (const s of doc.querySelectorAll(SLIDER)) {
    // Holding their card and others' is a wrapper around the list; a slider may list similar freelancers (left out).
    const mine = own && s.contains(own.element) ? !foreign.some((f) => s.contains(f)) : SLIDER_URL.test(url.pathname);
    if (mine) return readProfile(s, null, foreign);
  }
  return own ? readTile(own.element) : {};
}

export const upwork: SiteAdapter = {
  site: 'upwork',
  hosts: ['upwork.com'],
  idFromUrl,
  profileUrl: (id, seen) =>
    seen?.pathname.startsWith('/agencies/')
      ? seen.href
      : id.startsWith('~')
        ? `https://www.upwork.com/freelancers/${id}`
        : `https://www.upwork.com/${id}/`,
  read(url, doc, urlId, within) {
    // Cloudflare's challenge (not on card reads: a query for an absent id walks all of a 10,000-card page).
    if (!within && (/^\s*challenge\s*-\s*upwork\s*$/i.test(doc.title) || doc.querySelector('#challenge-form, #challenge-running'))) {
      return { id: null, draft: {}, cards: [] };
    }
    // Only a vanity URL needs the page to say whose it is; a card read of a listing needs nothing else.
    const pageCipher =
      within && !isVanity(url) ? null : (cipherIn(meta(doc, 'og:url')) ?? cipherIn(canonicalHref(doc)) ?? nuxtFacts(doc).cipher);
    const id = urlId ?? (isVanity(url) ? (pageCipher ?? `fl/${url.pathname.split('/')[2]!.toLowerCase()}`) : null);
    // Every element that carries a freelancer's id (2022 tiles, Air3 tiles, links, any list of freelancers).
    const found = cardsById(doc, hrefIds(idFromUrl, url), cipherIn, null, SLIDER, within);
    const cards = found.filter((c) => c.id !== id).map((c) => ({ id: c.id, element: c.element, href: c.href, draft: readTile(c.element) }));
    if (within) return { id, draft: {}, cards, ownFields: true };
    const nuxt = nuxtFacts(doc);
    const draft = id ? profileSource(doc, url, id, pageCipher, found) : {};
    if (id && pageCipher === id && !draft.rate && nuxt.rate) draft.rate = nuxt.rate;
    if (id && pageCipher === id && nuxt.skills?.length) draft.skills = nuxt.skills;
    return { id, draft, cards, ownFields: true };
  },
  hireButtonSelectors: ['[data-qa="btn-hire"]', '[data-qa="invite-btn"]', 'button[data-ev-label="hire_button"]', '.air3-btn-primary'],
  examples: {
    profiles: {
      'https://www.upwork.com/freelancers/~01140923f209578a6b': '~01140923f209578a6b',
      'https://www.upwork.com/freelancers/~01140923F209578A6B/?viewMode=1&s=123': '~01140923f209578a6b',
      'https://upwork.com/o/profiles/users/~01140923f209578a6b/': '~01140923f209578a6b',
      'https://www.upwork.com/en-gb/freelancers/~01140923f209578a6b': '~01140923f209578a6b',
      'https://www.upwork.com/agencies/~01aa12bb34cc56dd78/': '~01aa12bb34cc56dd78',
      'https://www.upwork.com/agencies/pixel-forge/': 'agencies/pixel-forge',
    },
    notProfiles: [
      'https://www.upwork.com/',
      'https://www.upwork.com/jobs/~021846242097910121600',
      'https://www.upwork.com/jobs/Shopify-expert_~01a2b3c4d5e6f7a8b9/',
      'https://www.upwork.com/nx/search/talent/?q=klaviyo',
      'https://www.upwork.com/hire/klaviyo-freelancers/',
      'https://support.upwork.com/hc/en-us',
    ],
  },
};
