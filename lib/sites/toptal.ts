import type { AdapterReading, SiteAdapter, SnapshotDraft } from './types';
import { linkedCards, linkIds, type UrlParts } from './util/cards';
import { headRate, nameFromTitle } from './util/head-rate';
import { pageFields } from './util/page-fields';

// Talent resumes: /resume/<slug>, also under a vertical (/developers/resume/<slug>). The slug is
// the profile's id (Toptal shows no other); it is lower case on Toptal's own links.
const PROFILE = /^\/(?:[a-z-]{2,40}\/)?resume\/([a-z0-9][a-z0-9-]{1,100})\/?$/i;

function idFromUrl(url: UrlParts): string | null {
  if (!/^(www\.)?toptal\.com$/i.test(url.hostname)) return null;
  return PROFILE.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

export const toptal: SiteAdapter = {
  site: 'toptal',
  hosts: ['toptal.com'],
  idFromUrl,
  profileUrl: (id, seen) => seen?.href ?? `https://www.toptal.com/resume/${id}`,
  read(url, doc, id, within): AdapterReading {
    // No real capture (tests/fixtures/reconstructed/toptal-resume.html): JSON-LD, OpenGraph, meta; key from the URL.
    let draft: SnapshotDraft = {};
    if (id && !within) {
      const fields = pageFields(doc, url);
      draft = { ...fields, name: nameFromTitle(fields.name, /\s*\|\s*Toptal®?\s*$/i), rate: fields.rate ?? headRate(doc) };
    }
    return { id, draft, cards: linkedCards(doc, linkIds(idFromUrl, url), id, within) };
  },
  hireButtonSelectors: ['a[href*="/hire"]', 'a[href*="/talent/hire"]', '[data-testid*="hire" i]', 'button[class*="hire" i]'],
  examples: {
    profiles: {
      'https://www.toptal.com/resume/jane-doe': 'jane-doe',
      'https://www.toptal.com/resume/Jane-Doe/?utm_source=share': 'jane-doe',
      'https://www.toptal.com/developers/resume/ana-kowalska': 'ana-kowalska',
      'https://toptal.com/designers/resume/luis-mendez-2': 'luis-mendez-2',
    },
    notProfiles: [
      'https://www.toptal.com/',
      'https://www.toptal.com/developers',
      'https://www.toptal.com/developers/python',
      'https://www.toptal.com/resume',
      'https://www.toptal.com/blog/python/some-article',
      'https://www.toptal.com/hire',
      'https://www.toptal.com/talent/apply',
    ],
  },
};
