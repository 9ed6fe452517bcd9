import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { hireButtonSelectors, readPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, loadCapture, parseHtml, readCapture, withRenamedClasses } from './load-capture';

const IRFAN = { file: 'freelancer/user-profile_irfan811_2021-12.html', url: 'https://www.freelancer.com/u/irfan811' };
const ACE = { file: 'freelancer/user-profile_acewebexperts_2021-12.html', url: 'https://www.freelancer.com/u/acewebexperts' };
const DIRECTORY = {
  file: 'freelancer/directory_skills-wordpress_page1_2021-12.html',
  url: 'https://www.freelancer.com/freelancers/skills/wordpress/1',
};

/** Usernames the directory lists, in order, read straight from the HTML (the text a visitor sees on each card). */
function directoryUsernames(html: string): string[] {
  return [...html.matchAll(/<a\s+href="\/u\/([^"]+)"\s+class="find-freelancer-username"/g)].map((m) => `freelancer:${m[1]!.toLowerCase()}`);
}

describe('Freelancer.com profiles (real captures, 2021-12)', { timeout: PARSE_TIMEOUT }, () => {
  it('Muhammad I. (@irfan811): 5.0 from 221 reviews, Bahawalpur, Pakistan, $20/hour', () => {
    const r = readPage(new URL(IRFAN.url), loadCapture(IRFAN.file, IRFAN.url));
    expect(r?.site).toBe('freelancer');
    expect(r?.profile).toMatchObject({
      key: 'freelancer:irfan811',
      name: 'Muhammad I.',
      profileUrl: 'https://www.freelancer.com/u/irfan811',
      headline: 'PHP | Laravel | Codeigniter | Wordpress | Shopify',
      location: 'Bahawalpur, Pakistan',
      rate: { amountMinor: 2000, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 5, outOf: 5, count: 221 },
    });
    expect(r?.profile?.skills).toEqual(expect.arrayContaining(['PHP', 'Java', 'WordPress']));
    expect(ProfileSnapshotSchema.safeParse(r?.profile).success).toBe(true);
    expect(r?.cards).toEqual([]);
  });

  it('Ace Web Experts (@acewebexperts): $12 USD / hour, 5.0 from 249 reviews, Jaipur', () => {
    const r = readPage(new URL(ACE.url), loadCapture(ACE.file, ACE.url));
    expect(r?.profile).toMatchObject({
      key: 'freelancer:acewebexperts',
      name: 'Ace Web Experts',
      rate: { amountMinor: 1200, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 5, outOf: 5, count: 249 },
      headline: 'SEO | Local SEO | WordPress | Content Writing',
    });
    expect(r?.profile?.location).toMatch(/^Jaipur, India$/i);
  });

  it.each([IRFAN, ACE])('$url: key, name, rating and rate from the visible page when the state is removed', ({ file, url }) => {
    const r = readPage(new URL(url), loadCapture(file, url, 'without-state'));
    const ace = file.includes('ace');
    expect(r?.profile?.key).toBe(ace ? 'freelancer:acewebexperts' : 'freelancer:irfan811');
    expect(r?.profile?.name).toBe(ace ? 'Ace Web Experts' : 'Muhammad I.');
    expect(r?.profile?.marketplaceRating).toEqual({ score: 5, outOf: 5, count: ace ? 249 : 221 });
    if (ace) expect(r?.profile?.rate).toEqual({ amountMinor: 1200, currency: 'USD', unit: 'hour' });
  });

  it.each([IRFAN, ACE])('$url: key and name with class names changed', ({ file, url }) => {
    const r = readPage(new URL(url), loadCapture(file, url, 'renamed-classes'));
    expect(r?.profile?.name).toBe(file.includes('ace') ? 'Ace Web Experts' : 'Muhammad I.');
  });

  it('the "Hire Muhammad I." button is among the hire buttons the overlay avoids', () => {
    const doc = loadCapture(IRFAN.file, IRFAN.url);
    const buttons = [...doc.querySelectorAll(hireButtonSelectors(new URL(IRFAN.url)).join(', '))].map((b) => b.textContent?.trim());
    expect(buttons).toContain('Hire Muhammad I.');
  });

  it('a username typed in another case is the same contractor', () => {
    const url = 'https://www.freelancer.com/u/Irfan811?w=f';
    const r = readPage(new URL(url), loadCapture(IRFAN.file, url));
    expect(r?.profile?.key).toBe('freelancer:irfan811');
    expect(r?.profile?.name).toBe('Muhammad I.');
  });
});

describe('Freelancer.com directory (real capture, 2021-12)', { timeout: PARSE_TIMEOUT }, () => {
  const html = readCapture(DIRECTORY.file);
  const expected = directoryUsernames(html);

  it('finds the 10 freelancer cards, one per freelancer, with what each card shows', () => {
    const r = readPage(new URL(DIRECTORY.url), parseHtml(html, DIRECTORY.url));
    expect(r?.profile).toBeNull();
    expect(expected).toHaveLength(10);
    expect(r?.cards.map((c) => c.profile.key)).toEqual(expected);
    const sapota = r?.cards.find((c) => c.profile.key === 'freelancer:sapotacorp')?.profile;
    expect(sapota).toMatchObject({
      name: 'sapotacorp',
      profileUrl: 'https://www.freelancer.com/u/sapotacorp',
      headline: 'Web Development Expert | Quick & Reliable',
      location: 'Vietnam',
      rate: { amountMinor: 2500, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 5, outOf: 5, count: 1014 },
    });
    for (const c of r!.cards) {
      expect(ProfileSnapshotSchema.safeParse(c.profile).success).toBe(true);
      // A card element holds exactly one freelancer's links.
      const others = [...c.element.querySelectorAll('a[href^="/u/"]')].filter(
        (a) => !a.getAttribute('href')!.toLowerCase().startsWith(`/u/${c.profile.siteId}`),
      );
      expect(others).toHaveLength(0);
    }
  });

  it('still finds ≥ 90% of the cards with every class name changed', () => {
    const r = readPage(new URL(DIRECTORY.url), parseHtml(withRenamedClasses(html), DIRECTORY.url));
    const keys = r!.cards.filter((c) => c.profile.name).map((c) => c.profile.key);
    expect(expected.filter((k) => keys.includes(k)).length / expected.length).toBeGreaterThanOrEqual(0.9);
    expect(r!.cards.find((c) => c.profile.key === 'freelancer:sapotacorp')?.profile.rate).toEqual({
      amountMinor: 2500,
      currency: 'USD',
      unit: 'hour',
    });
  });
});
