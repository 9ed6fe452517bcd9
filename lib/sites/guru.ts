import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { firstText, text } from './util/dom';
import { findCards, linkIds, type UrlParts } from './util/cards';
import { isHourly, parseMoney } from './util/money';
import { pageFields } from './util/page-fields';

// /freelancers/<slug>: the slug is the profile's id. Guru's own listing pages live under /d/.
const PROFILE = /^\/freelancers\/([a-z0-9][a-z0-9-]{1,80})\/?$/i;
const RESERVED = new Set(['search', 'browse', 'all', 'find']);

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?guru\.com$/i.test(url.hostname)) return null;
  const slug = PROFILE.exec(url.pathname)?.[1]?.toLowerCase();
  return slug && !RESERVED.has(slug) ? slug : null;
}

function rateIn(root: ParentNode): SnapshotDraft['rate'] {
  const t = firstText(root, ['[itemprop="price"]', '[class*="hourly" i]', '[class*="-rate" i]', '[class*="price" i]']);
  const money = parseMoney(t);
  return money ? { ...money, unit: isHourly(t) ? 'hour' : 'from' } : undefined;
}

export const guru: SiteAdapter = {
  site: 'guru',
  hosts: ['guru.com'],
  idFromUrl,
  profileUrl: (id, seen) => seen?.href ?? `https://www.guru.com/freelancers/${id}`,
  read(url, doc, id, within): AdapterReading {
    // No real capture yet (see tests/fixtures/reconstructed): generic signals only, key from the URL.
    const draft: SnapshotDraft = id && !within ? { ...pageFields(doc, url), rate: rateIn(doc) } : {};
    if (id && draft.name) draft.name = draft.name.replace(/\s+-\s+guru$/i, '');
    const cards = findCards(doc, linkIds(idFromUrl, url), { exclude: id, within }).map((c) => ({
      id: c.id,
      element: c.element,
      href: c.anchors[0]?.getAttribute('href') ?? undefined,
      draft: {
        name: c.anchors.map((a) => text(a)).find((t) => t && t.length < 80) ?? firstText(c.element, ['h2', 'h3']),
        avatarUrl: c.element.querySelector('img')?.getAttribute('src') ?? undefined,
        location: firstText(c.element, ['[class*="location" i]']),
        rate: rateIn(c.element),
      },
    }));
    return { id, draft, cards };
  },
  hireButtonSelectors: ['a[href*="/hire"]', 'button[class*="hire" i]', 'a[class*="contact" i]', 'button[class*="contact" i]'],
  examples: {
    profiles: {
      'https://www.guru.com/freelancers/northwind-web-studio': 'northwind-web-studio',
      'https://www.guru.com/freelancers/Jane-Doe-Designs/?src=search': 'jane-doe-designs',
      'https://guru.com/freelancers/kp-data-services': 'kp-data-services',
    },
    notProfiles: [
      'https://www.guru.com/',
      'https://www.guru.com/d/freelancers/',
      'https://www.guru.com/d/freelancers/c/programming-development/',
      'https://www.guru.com/d/jobs/',
      'https://www.guru.com/work/detail/2101732',
      'https://www.guru.com/help/',
    ],
  },
};
