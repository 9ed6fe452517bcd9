import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { linkedCards, linkIds, type UrlParts } from './util/cards';
import { headRate, nameFromTitle } from './util/head-rate';
import { pageFields } from './util/page-fields';

// One marketplace on eight country domains; a profile is /profile/<id> on any of them, and the
// same id on malt.fr and malt.de is the same freelancer (one key).
const HOSTS = ['malt.com', 'malt.fr', 'malt.de', 'malt.es', 'malt.nl', 'malt.be', 'malt.ch', 'malt.uk'] as const;
const HOST = /^(?:www\.)?malt\.(?:com|fr|de|es|nl|be|ch|uk)$/i;
const PROFILE = /^\/profile\/([a-z0-9][a-z0-9_-]{1,80})\/?$/i;

function idFromUrl(url: UrlParts): string | null {
  if (!HOST.test(url.hostname)) return null;
  return PROFILE.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

export const malt: SiteAdapter = {
  site: 'malt',
  hosts: HOSTS,
  idFromUrl,
  // Keep the country domain the user met the freelancer on.
  profileUrl: (id, seen) => seen?.href ?? `https://www.malt.com/profile/${id}`,
  read(url, doc, id, within): AdapterReading {
    // No real capture (tests/fixtures/reconstructed/malt-profile.html): JSON-LD, OpenGraph, meta; key from the URL.
    // Malt shows a daily rate: kept only when the page gives an hourly or a fixed one (no 'day' unit).
    let draft: SnapshotDraft = {};
    if (id && !within) {
      const fields = pageFields(doc, url);
      const units = [
        doc.querySelector('meta[property="product:price:unit"]')?.getAttribute('content'),
        ...[...doc.querySelectorAll('script[type="application/ld+json"]')].map(
          (s) => /"unitText"\s*:\s*"([^"]*)"/.exec(s.textContent ?? '')?.[1],
        ),
      ];
      const daily = units.some((u) => !!u && /day|jour|tag|día|dag/i.test(u));
      draft = {
        ...fields,
        name: nameFromTitle(fields.name, /\s*\|\s*Malt\s*$/i),
        rate: daily ? undefined : (fields.rate ?? headRate(doc)),
      };
    }
    return { id, draft, cards: linkedCards(doc, linkIds(idFromUrl, url), id, within) };
  },
  hireButtonSelectors: ['a[href*="/project/new"]', 'a[href*="/messages"]', '[data-testid*="contact" i]', 'button[class*="contact" i]'],
  examples: {
    profiles: {
      'https://www.malt.fr/profile/janedoe': 'janedoe',
      'https://www.malt.com/profile/JaneDoe?q=python': 'janedoe',
      'https://www.malt.de/profile/lukasmueller1': 'lukasmueller1',
      'https://www.malt.es/profile/luciagarcia': 'luciagarcia',
      'https://www.malt.nl/profile/sannedevries/': 'sannedevries',
      'https://www.malt.be/profile/thomaspeeters': 'thomaspeeters',
      'https://www.malt.ch/profile/noahmeier': 'noahmeier',
      'https://www.malt.uk/profile/oliversmith': 'oliversmith',
      'https://malt.fr/profile/camillemartin': 'camillemartin',
    },
    notProfiles: [
      'https://www.malt.fr/',
      'https://www.malt.fr/s?q=python',
      'https://www.malt.com/profile',
      'https://www.malt.fr/t/freelance-developpeur-python',
      'https://www.malt.de/c/freelancer-finden',
      'https://help.malt.com/hc/fr',
      'https://www.malt.fr/profile/janedoe/portfolio/123',
    ],
  },
};
