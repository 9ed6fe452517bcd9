import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { hireButtonSelectors, readPage } from '../../../lib/sites';
import { RECONSTRUCTED, parseHtml } from './load-capture';

// PeoplePerHour and Guru: no real capture exists (see tests/fixtures/reconstructed/README.md).
// These pin the generic-signal behaviour and, above all, that the key comes from the URL.
const load = (file: string, url: string) => parseHtml(readFileSync(path.join(RECONSTRUCTED, file), 'utf8'), url);

describe('PeoplePerHour (reconstructed fixtures)', () => {
  const PROFILE = 'https://www.peopleperhour.com/freelancer/design/jane-d-brand-identity-designer-zqxmmvy?ref=search';

  it('reads the profile from the head tags and <h1>; key from the URL id', () => {
    const r = readPage(new URL(PROFILE), load('peopleperhour-profile.html', PROFILE));
    expect(r?.profile).toMatchObject({
      key: 'peopleperhour:zqxmmvy',
      name: 'Jane D.',
      profileUrl: 'https://www.peopleperhour.com/freelancer/design/jane-d-brand-identity-designer-zqxmmvy',
      headline: 'Logos and brand guidelines for small businesses. 12 years in branding.',
      avatarUrl: 'https://dy5jhrl5wvvr0.cloudfront.net/photos/jane-d-256.jpg',
      rate: { amountMinor: 4500, currency: 'GBP', unit: 'hour' },
    });
    expect(r?.cards.map((c) => c.profile.key)).toEqual(['peopleperhour:vkpwqrt']);
  });

  it('the same freelancer after renaming their title keeps the key', () => {
    const renamed = 'https://www.peopleperhour.com/freelancer/design/jane-d-logo-and-packaging-designer-zqxmmvy';
    expect(readPage(new URL(renamed), load('peopleperhour-profile.html', renamed))?.profile?.key).toBe('peopleperhour:zqxmmvy');
  });

  it('an empty page at a profile URL still gives the key', () => {
    const r = readPage(new URL(PROFILE), parseHtml('<html><body></body></html>', PROFILE));
    expect(r?.profile?.key).toBe('peopleperhour:zqxmmvy');
    expect(ProfileSnapshotSchema.safeParse(r?.profile).success).toBe(true);
  });

  it('search results: one card per freelancer, with name and rate', () => {
    const url = 'https://www.peopleperhour.com/freelancers?keywords=logo';
    const r = readPage(new URL(url), load('peopleperhour-listing.html', url));
    expect(r?.profile).toBeNull();
    expect(r?.cards.map((c) => [c.profile.key, c.profile.name, c.profile.rate])).toEqual([
      ['peopleperhour:zqxmmvy', 'Jane D.', { amountMinor: 4500, currency: 'GBP', unit: 'hour' }],
      ['peopleperhour:vkpwqrt', 'Omar S.', { amountMinor: 3000, currency: 'GBP', unit: 'hour' }],
      ['peopleperhour:nxrqmpa', 'Lina K.', { amountMinor: 3800, currency: 'EUR', unit: 'hour' }],
    ]);
    expect(r?.cards[0]?.profile.profileUrl).toBe('https://www.peopleperhour.com/freelancer/design/jane-d-brand-identity-designer-zqxmmvy');
  });
});

describe('Guru (reconstructed fixtures)', () => {
  const PROFILE = 'https://www.guru.com/freelancers/northwind-web-studio';

  it('reads the profile from the head tags and <h1>; key from the URL slug', () => {
    const r = readPage(new URL(PROFILE), load('guru-profile.html', PROFILE));
    expect(r?.profile).toMatchObject({
      key: 'guru:northwind-web-studio',
      name: 'Northwind Web Studio',
      profileUrl: 'https://www.guru.com/freelancers/northwind-web-studio',
      rate: { amountMinor: 3500, currency: 'USD', unit: 'hour' },
    });
  });

  it('directory: one card per freelancer, with name, location and rate', () => {
    const url = 'https://www.guru.com/d/freelancers/c/programming-development/';
    const r = readPage(new URL(url), load('guru-listing.html', url));
    expect(r?.profile).toBeNull();
    expect(r?.cards.map((c) => [c.profile.key, c.profile.name, c.profile.location, c.profile.rate?.amountMinor])).toEqual([
      ['guru:northwind-web-studio', 'Northwind Web Studio', 'Porto, Portugal', 3500],
      ['guru:kp-data-services', 'KP Data Services', 'Pune, India', 1800],
      ['guru:alder-and-finch', 'Alder & Finch', 'Austin, United States', 6000],
    ]);
    for (const c of r!.cards) expect(c.element.querySelectorAll('a[href^="/freelancers/"]').length).toBe(2);
  });

  it('hire / contact buttons of the profile match the adapter selectors', () => {
    const doc = load('guru-profile.html', PROFILE);
    const buttons = doc.querySelectorAll(hireButtonSelectors(new URL(PROFILE)).join(', '));
    expect([...buttons].map((b) => b.textContent)).toEqual(['Contact', 'Hire Me']);
  });
});
