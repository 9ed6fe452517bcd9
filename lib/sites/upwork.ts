import type { SiteAdapter, SnapshotDraft } from './types';
import { firstText, meta, num, text } from './util/dom';
import { findCards, linkIds, type UrlParts } from './util/cards';
import { parseMoney, toMinor } from './util/money';
import { nuxtSkills } from './util/nuxt';

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

/** A few literals out of the `window.__NUXT__` script, by pattern: the page's scripts never run. */
function nuxtFacts(doc: Document): { cipher: string | null; rate?: SnapshotDraft['rate']; skills?: string[] } {
  const script = [...doc.scripts].find((s) => s.textContent?.includes('window.__NUXT__'))?.textContent ?? '';
  const profileUrl = /profileUrl:"([^"]+)"/.exec(script)?.[1]?.replace(/\\u002F/g, '/');
  const rate = /hourlyRate:\{currencyCode:"([A-Z]{3})",amount:([\d.]+)\}/.exec(script);
  const amountMinor = rate ? toMinor(Number(rate[2]), rate[1]!) : undefined;
  return {
    cipher: cipherIn(profileUrl),
    rate: rate && amountMinor !== undefined ? { amountMinor, currency: rate[1]!, unit: 'hour' } : undefined,
    skills: script ? nuxtSkills(script) : undefined,
  };
}

function readProfile(doc: Document): SnapshotDraft {
  const personEl = doc.querySelector('[itemtype$="schema.org/Person"]');
  const person: ParentNode = personEl ?? doc;
  const ratingEl = doc.querySelector('[data-test="rating-avg"]');
  const score = num(personEl?.getAttribute('profile-rating')) ?? num(/\d(?:\.\d)?/.exec(text(ratingEl) ?? '')?.[0]);
  const count = num(personEl?.getAttribute('feedbacks-count')) ?? num(/\((\d+)\)/.exec(text(ratingEl) ?? '')?.[1]);
  const jss = [...doc.querySelectorAll('[data-test="badge-hidden-label"], .sr-only')].find((e) => /job success/i.test(e.textContent ?? ''));
  const jssValue = num(/(\d{1,3})\s*%/.exec(text(jss?.parentElement) ?? '')?.[1]);
  const locality = firstText(person, ['[itemprop="locality"]']);
  const country = firstText(person, ['[itemprop="country-name"]']);
  const amount = meta(doc, 'product:price:amount');
  const currency = meta(doc, 'product:price:currency');
  const metaRate = amount && currency ? parseMoney(`${amount} ${currency}`) : undefined;
  return {
    name: firstText(person, ['[itemprop="name"]', 'h1', 'h2']) ?? meta(doc, 'og:title'),
    headline: meta(doc, 'og:description') ?? firstText(person, ['.title-vertical']),
    avatarUrl: person.querySelector('img.air3-avatar, img[alt]')?.getAttribute('src') ?? meta(doc, 'og:image'),
    location: [locality, country].filter(Boolean).join(', ') || undefined,
    rate: metaRate ? { ...metaRate, unit: 'hour' } : undefined,
    marketplaceRating: score !== undefined && count !== undefined ? { score, outOf: 5, count } : undefined,
    jobSuccess: jssValue,
  };
}

export const upwork: SiteAdapter = {
  site: 'upwork',
  hosts: ['upwork.com'],
  idFromUrl,
  profileUrl: (id, seen) =>
    seen?.pathname.startsWith('/agencies/') ? seen.href : id.startsWith('~') ? `https://www.upwork.com/freelancers/${id}` : `https://www.upwork.com/${id}/`,
  read(url, doc, urlId) {
    // Cloudflare's challenge interstitial: nothing on it is about a contractor.
    if (/^\s*challenge\s*-\s*upwork\s*$/i.test(doc.title) || doc.querySelector('#challenge-form, #challenge-running')) {
      return { id: null, draft: {}, cards: [] };
    }
    const nuxt = nuxtFacts(doc);
    const pageCipher = cipherIn(meta(doc, 'og:url')) ?? cipherIn(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined) ?? nuxt.cipher;
    const id = urlId ?? (isVanity(url) ? pageCipher ?? `fl/${url.pathname.split('/')[2]!.toLowerCase()}` : null);
    const draft = id ? readProfile(doc) : {};
    if (id && !draft.rate && nuxt.rate) draft.rate = nuxt.rate;
    if (id && nuxt.skills?.length) draft.skills = nuxt.skills;
    // No capture of talent search yet: cards come from the link structure alone.
    const cards = findCards(doc, linkIds(idFromUrl, url), { exclude: id }).map((c) => ({ id: c.id, element: c.element, href: c.anchors[0]?.getAttribute('href') ?? undefined, draft: readCard(c.element, c.anchors) }));
    return { id, draft, cards };
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

function readCard(el: Element, anchors: HTMLAnchorElement[]): SnapshotDraft {
  const name = anchors.map((a) => text(a)).find((t) => t && t.length < 80) ?? firstText(el, ['h4', 'h3', 'h2']);
  const rateText = [...el.querySelectorAll('[data-test="rate"], strong, span')].map((e) => text(e)).find((t) => t && /\$[\d.]+\s*\/\s*hr/i.test(t));
  const money = parseMoney(rateText);
  return { name, rate: money ? { ...money, unit: 'hour' } : undefined, avatarUrl: el.querySelector('img')?.getAttribute('src') ?? undefined };
}
