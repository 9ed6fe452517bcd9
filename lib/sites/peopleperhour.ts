import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { firstText, text } from './util/dom';
import { findCards, linkIds, type UrlParts } from './util/cards';
import { isHourly, parseMoney } from './util/money';
import { pageFields } from './util/page-fields';

// /freelancer/<category>/<name-words-id>: the last slug word is PeoplePerHour's id, the rest is a renameable title.
const PROFILE = /^\/freelancer\/[a-z0-9-]+\/(?:[a-z0-9]+-)+([a-z0-9]{4,})\/?$/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?peopleperhour\.com$/i.test(url.hostname)) return null;
  return PROFILE.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

function rateIn(root: ParentNode): SnapshotDraft['rate'] {
  const t = firstText(root, ['[itemprop="price"]', '[data-testid*="rate" i]', '[class*="hourly" i]', '[class*="-rate" i]']);
  const money = parseMoney(t);
  return money ? { ...money, unit: isHourly(t) ? 'hour' : 'from' } : undefined;
}

export const peopleperhour: SiteAdapter = {
  site: 'peopleperhour',
  hosts: ['peopleperhour.com'],
  idFromUrl,
  profileUrl: (id, seen) => seen?.href ?? `https://www.peopleperhour.com/freelancer/${id}`,
  read(url, doc, id, within): AdapterReading {
    // No real capture yet (see tests/fixtures/reconstructed): generic signals only, key from the URL.
    const draft: SnapshotDraft = id && !within ? { ...pageFields(doc, url), rate: rateIn(doc) } : {};
    if (id && draft.name) draft.name = draft.name.replace(/\s+(?:freelancer\s+)?profile$/i, '');
    const cards = findCards(doc, linkIds(idFromUrl, url), { exclude: id, within }).map((c) => ({
      id: c.id,
      element: c.element,
      href: c.anchors[0]?.getAttribute('href') ?? undefined,
      draft: {
        name: c.anchors.map((a) => text(a)).find((t) => t && t.length < 80) ?? firstText(c.element, ['h2', 'h3', 'h4']),
        headline: firstText(c.element, ['[class*="title" i]', 'p']),
        avatarUrl: c.element.querySelector('img')?.getAttribute('src') ?? undefined,
        rate: rateIn(c.element),
      },
    }));
    return { id, draft, cards };
  },
  hireButtonSelectors: ['a[href*="/hire/"]', 'button[class*="contact" i]', 'a[class*="contact" i]'],
  examples: {
    profiles: {
      'https://www.peopleperhour.com/freelancer/design/jane-doe-brand-identity-designer-zqxmmvy': 'zqxmmvy',
      'https://www.peopleperhour.com/freelancer/technology-programming/ahmed-k-full-stack-developer-vjwqaxn?ref=search': 'vjwqaxn',
      'https://peopleperhour.com/freelancer/writing-translation/emma-w-copywriter-nyqqjvx/': 'nyqqjvx',
    },
    notProfiles: [
      'https://www.peopleperhour.com/',
      'https://www.peopleperhour.com/freelancers?keywords=logo',
      'https://www.peopleperhour.com/hire-freelancers/design/logo-design',
      'https://www.peopleperhour.com/freelance-jobs/design/logo-for-a-bakery-4232123',
      'https://www.peopleperhour.com/services/logo-design',
      'https://support.peopleperhour.com/hc/en-us',
    ],
  },
};
