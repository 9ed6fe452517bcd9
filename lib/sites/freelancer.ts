import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { at, defined, firstText, jsonScript, num, str, text } from './util/dom';
import { findCards, linkIds, type UrlParts } from './util/cards';
import { parseMoney, toMinor } from './util/money';

const USERNAME = /^\/u\/([a-z0-9][\w.-]{0,60})\/?(?:$|[/?#])/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?freelancer\.com$/i.test(url.hostname)) return null;
  // Usernames are case-insensitive on Freelancer.com (/u/WebChapters = /u/webchapters).
  return USERNAME.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** Angular TransferState escapes quotes and friends as &q; &s; &l; &g; &a; (plain string replaces: this blob is large). */
const decodeTransferState = (raw: string): string =>
  raw.replaceAll('&q;', '"').replaceAll('&s;', "'").replaceAll('&l;', '<').replaceAll('&g;', '>').replaceAll('&a;', '&');

/** The rawDocument of `collection` whose `match` returns true (NgRx entity store: documents by user id). */
function entity(state: unknown, collection: string, match: (d: unknown) => boolean): unknown {
  const shards = at(state, 'NGRX_STATE', collection);
  for (const shard of Object.values((shards ?? {}) as Record<string, unknown>)) {
    for (const d of Object.values((at(shard, 'documents') ?? {}) as Record<string, unknown>)) {
      if (match(at(d, 'rawDocument'))) return at(d, 'rawDocument');
    }
  }
  return undefined;
}

function fromState(state: unknown, id: string): SnapshotDraft {
  const user =
    entity(state, 'profileViewUsers', (d) => str(at(d, 'username'))?.toLowerCase() === id) ??
    entity(state, 'users', (d) => str(at(d, 'username'))?.toLowerCase() === id);
  const uid = at(user, 'id');
  if (uid === undefined) return {};
  const rep = at(
    entity(state, 'freelancerReputationsRehireRates', (d) => at(d, 'id') === uid),
    'entireHistory',
  );
  const currency = str(at(user, 'primaryCurrency', 'code')) ?? 'USD';
  const hourly = num(at(user, 'hourlyRate'));
  const minor = hourly ? toMinor(hourly, currency) : undefined;
  const score = num(at(rep, 'overall'));
  const skills = at(user, 'skills');
  return {
    name: str(at(user, 'publicName')) ?? str(at(user, 'displayName')),
    headline: str(at(user, 'tagLine')),
    avatarUrl: str(at(user, 'avatarLarge')) ?? str(at(user, 'avatar')),
    location: [str(at(user, 'location', 'city')), str(at(user, 'location', 'country', 'name'))].filter(Boolean).join(', ') || undefined,
    rate: minor !== undefined ? { amountMinor: minor, currency, unit: 'hour' } : undefined,
    marketplaceRating: score !== undefined ? { score: Math.round(score * 10) / 10, outOf: 5, count: num(at(rep, 'reviews')) } : undefined,
    skills: Array.isArray(skills) ? skills.map((s) => str(at(s, 'name'))).filter((s): s is string => !!s) : undefined,
  };
}

function fromDom(page: Document): SnapshotDraft {
  const summary = page.querySelector('app-user-profile-summary') ?? page;
  const rating = text(summary.querySelector('app-user-profile-summary-rating')) ?? '';
  const m = /(\d(?:\.\d)?)\s*\(([\d,]+)\s*reviews?\)/i.exec(rating);
  const rateText = text(summary.querySelector('app-user-profile-summary-information'));
  const money = /\d\s*[A-Z]{3}\s*\/\s*hour/.test(rateText ?? '') ? parseMoney(rateText) : undefined;
  return {
    name: firstText(summary, ['app-user-profile-summary-name h1', 'h1', 'h3']),
    headline: firstText(summary, ['app-user-profile-summary-tagline h2', 'app-user-profile-summary-tagline']),
    rate: money ? { ...money, unit: 'hour' } : undefined,
    marketplaceRating: m ? { score: Number(m[1]), outOf: 5, count: num(m[2]) } : undefined,
  };
}

function cardDraft(el: Element, anchors: HTMLAnchorElement[]): SnapshotDraft {
  const all = text(el) ?? '';
  const rateAttr = num(el.querySelector('[data-hourlyrate]')?.getAttribute('data-hourlyrate'));
  const money =
    parseMoney(/[$€£₹]?\s*[\d,.]+\s*[A-Z]{3}\s*\/\s*hour/.exec(all)?.[0]) ??
    (rateAttr !== undefined ? parseMoney(`${rateAttr} USD`) : undefined);
  const score = num(el.querySelector('[data-star_rating]')?.getAttribute('data-star_rating'));
  const count = num(/([\d,]+)\s+reviews?\b/i.exec(all)?.[1]);
  const flag = el.querySelector('img[title][src*="/flags/"]');
  return {
    name: anchors.map((a) => text(a)).find(Boolean),
    avatarUrl: el.querySelector('img:not([src*="/flags/"])')?.getAttribute('src') ?? undefined,
    headline: firstText(el, ['.user-tagline']),
    location: flag?.getAttribute('title') ?? firstText(el, ['.user-location']),
    rate: money ? { ...money, unit: 'hour' } : undefined,
    marketplaceRating: score !== undefined ? { score, outOf: 5, count } : undefined,
  };
}

export const freelancer: SiteAdapter = {
  site: 'freelancer',
  hosts: ['freelancer.com'],
  idFromUrl,
  profileUrl: (id) => `https://www.freelancer.com/u/${id}`,
  read(url, page, id, within): AdapterReading {
    let draft: SnapshotDraft = {};
    if (id && !within) {
      const state = jsonScript(page, 'script#webapp-state', decodeTransferState);
      const s = fromState(state, id);
      draft = { ...fromDom(page), ...defined(s) };
    }
    // Profile pages link to reviewers (clients) and neighbours, not to a list of contractors.
    const cards = id
      ? []
      : findCards(page, linkIds(idFromUrl, url), { within }).map((c) => ({
          id: c.id,
          element: c.element,
          draft: cardDraft(c.element, c.anchors),
        }));
    return { id, draft, cards };
  },
  hireButtonSelectors: ['app-user-profile-hire-me button', 'app-user-profile-hire-me-action button', '.directory-hireme', '.hireme_btn'],
  examples: {
    profiles: {
      'https://www.freelancer.com/u/irfan811': 'irfan811',
      'https://www.freelancer.com/u/WebChapters?w=f&ngsw-bypass=': 'webchapters',
      'https://freelancer.com/u/acewebexperts/': 'acewebexperts',
    },
    notProfiles: [
      'https://www.freelancer.com/',
      'https://www.freelancer.com/freelancers/skills/wordpress/1',
      'https://www.freelancer.com/projects/php/build-website-40724221',
      'https://www.freelancer.com/jobs/wordpress/',
      'https://www.freelancer.com/support',
      'https://www.freelancer.com/hire/wordpress',
    ],
  },
};
