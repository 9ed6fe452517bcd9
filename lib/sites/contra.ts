import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { linkedCards, linkIds, type UrlParts } from './util/cards';
import { headRate, nameFromTitle } from './util/head-rate';
import { pageFields } from './util/page-fields';

// Profiles live at contra.com/<username>; these first segments are Contra's own pages.
const RESERVED = new Set(
  `p s j jobs job discover search explore hire freelancers projects services login log-in signin sign-in signup sign-up join
  onboarding settings inbox messages notifications pricing pro blog about careers press help support legal terms privacy
  community events resources guides templates invoices payments wallet dashboard home app download api for-business
  enterprise brand partners affiliates tools ai create new contracts proposals talent independents clients`.split(/\s+/),
);
const USERNAME = /^\/([a-z0-9][a-z0-9_-]{1,60})\/?$/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?contra\.com$/i.test(url.hostname)) return null;
  const name = USERNAME.exec(url.pathname)?.[1]?.toLowerCase();
  return name && !RESERVED.has(name) ? name : null;
}

export const contra: SiteAdapter = {
  site: 'contra',
  hosts: ['contra.com'],
  idFromUrl,
  profileUrl: (id) => `https://contra.com/${id}`,
  read(url, doc, id, within): AdapterReading {
    // No real capture (tests/fixtures/reconstructed/contra-profile.html): JSON-LD, OpenGraph, meta; key from the URL.
    let draft: SnapshotDraft = {};
    if (id && !within) {
      const fields = pageFields(doc, url);
      draft = { ...fields, name: nameFromTitle(fields.name, /\s*\|\s*Contra\s*$/i), rate: fields.rate ?? headRate(doc) };
    }
    return { id, draft, cards: linkedCards(doc, linkIds(idFromUrl, url), id, within) };
  },
  hireButtonSelectors: ['a[href*="/hire"]', '[data-testid*="hire" i]', 'button[aria-label*="hire" i]', 'button[aria-label*="message" i]'],
  examples: {
    profiles: {
      'https://contra.com/jane_doe': 'jane_doe',
      'https://contra.com/Jane_Doe/?referrer=share': 'jane_doe',
      'https://www.contra.com/luis-mendez': 'luis-mendez',
    },
    notProfiles: [
      'https://contra.com/',
      'https://contra.com/discover',
      'https://contra.com/p/AbC123xyz',
      'https://contra.com/jobs',
      'https://contra.com/jane_doe/work/some-project',
      'https://contra.com/pricing',
      'https://contra.com/blog',
    ],
  },
};
