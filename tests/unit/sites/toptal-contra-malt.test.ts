import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { keyFromUrl, readPage } from '../../../lib/sites';
import { RECONSTRUCTED, parseHtml } from './load-capture';

// Toptal, Contra and Malt: no real capture exists. These pages are reconstructed (each file's
// header says which published facts it rests on); they pin that the key comes from the URL and the
// fields from JSON-LD, OpenGraph and meta, and that a page about someone else gives no fields.
const load = (file: string, url: string) => parseHtml(readFileSync(path.join(RECONSTRUCTED, file), 'utf8'), url);

describe('Toptal (reconstructed: toptal-resume.html)', () => {
  const URL_ = 'https://www.toptal.com/resume/ana-kowalska?utm_source=share';
  it('reads name, headline, location and avatar from JSON-LD and OpenGraph; key from the slug', () => {
    const r = readPage(new URL(URL_), load('toptal-resume.html', URL_))!;
    expect(r.site).toBe('toptal');
    expect(r.profile).toMatchObject({
      key: 'toptal:ana-kowalska',
      name: 'Ana Kowalska',
      headline: 'Python Developer',
      location: 'Kraków, Poland',
      profileUrl: 'https://www.toptal.com/resume/ana-kowalska',
      avatarUrl: 'https://assets.toptal.io/images?url=fictional-ana.jpg',
    });
    expect(r.profile?.rate).toBeUndefined();
    expect(ProfileSnapshotSchema.safeParse(r.profile).success).toBe(true);
    // Similar developers are cards; the header's link is not.
    expect(r.cards.map((c) => [c.profile.key, c.profile.name])).toEqual([
      ['toptal:luis-mendez', 'Luis Mendez'],
      ['toptal:mei-tan', 'Mei Tan'],
    ]);
  });

  it('without JSON-LD, the name comes from og:title without the role and the site', () => {
    const html = readFileSync(path.join(RECONSTRUCTED, 'toptal-resume.html'), 'utf8')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replace(/<h1>[^<]*<\/h1>/, '');
    const r = readPage(new URL(URL_), parseHtml(html, URL_))!;
    expect(r.profile).toMatchObject({ key: 'toptal:ana-kowalska', name: 'Ana Kowalska' });
  });
});

describe('Contra (reconstructed: contra-profile.html)', () => {
  const URL_ = 'https://contra.com/Jane_Doe';
  it('reads name, headline and the hourly rate from JSON-LD; key from the username', () => {
    const r = readPage(new URL(URL_), load('contra-profile.html', URL_))!;
    expect(r.profile).toMatchObject({
      key: 'contra:jane_doe',
      name: 'Jane Doe',
      headline: 'Brand Designer',
      rate: { amountMinor: 8500, currency: 'USD', unit: 'hour' },
      profileUrl: 'https://contra.com/jane_doe',
    });
    expect(r.cards.map((c) => [c.profile.key, c.profile.name])).toEqual([
      ['contra:omar_s', 'Omar Saleh'],
      ['contra:lina-k', 'Lina Kaur'],
    ]);
  });

  it('reads the rate from the OpenGraph product tags when JSON-LD has none', () => {
    const html = readFileSync(path.join(RECONSTRUCTED, 'contra-profile.html'), 'utf8').replace(
      /<script type="application\/ld\+json">[\s\S]*?<\/script>/,
      '<meta property="product:price:amount" content="60"><meta property="product:price:currency" content="usd">',
    );
    const r = readPage(new URL(URL_), parseHtml(html, URL_))!;
    expect(r.profile).toMatchObject({ name: 'Jane Doe', rate: { amountMinor: 6000, currency: 'USD', unit: 'hour' } });
  });
});

describe('Malt (reconstructed: malt-profile.html)', () => {
  it.each([
    'https://www.malt.fr/profile/camillemartin',
    'https://www.malt.com/profile/CamilleMartin?q=python',
    'https://www.malt.de/profile/camillemartin/',
  ])('%s: one key on every country domain', (url) => expect(keyFromUrl(new URL(url))).toEqual({ site: 'malt', key: 'malt:camillemartin' }));

  it('reads name, headline and location; a daily rate is left out (no day unit), never stored as fixed', () => {
    const URL_ = 'https://www.malt.fr/profile/camillemartin';
    const r = readPage(new URL(URL_), load('malt-profile.html', URL_))!;
    expect(r.profile).toMatchObject({
      key: 'malt:camillemartin',
      name: 'Camille Martin',
      headline: 'Développeuse Python',
      location: 'Lyon, France',
      profileUrl: 'https://www.malt.fr/profile/camillemartin',
    });
    expect(r.profile?.rate).toBeUndefined();
    expect(r.cards.map((c) => [c.profile.key, c.profile.name, c.profile.profileUrl])).toEqual([
      ['malt:thomaspeeters', 'Thomas Peeters', 'https://www.malt.fr/profile/thomaspeeters'],
      ['malt:lukasmueller1', 'Lukas Müller', 'https://www.malt.de/profile/lukasmueller1'],
    ]);
  });

  it('an hourly price in the head is read', () => {
    const URL_ = 'https://www.malt.fr/profile/camillemartin';
    const html = readFileSync(path.join(RECONSTRUCTED, 'malt-profile.html'), 'utf8')
      .replace('content="day"', 'content="hour"')
      .replace('content="550"', 'content="70"');
    expect(readPage(new URL(URL_), parseHtml(html, URL_))?.profile?.rate).toEqual({ amountMinor: 7000, currency: 'EUR', unit: 'hour' });
  });
});

describe("rule 7 on the reconstructed pages: read at another profile's URL, no fields", () => {
  it.each([
    ['toptal-resume.html', 'https://www.toptal.com/resume/luis-mendez'],
    ['contra-profile.html', 'https://contra.com/omar_s'],
    ['malt-profile.html', 'https://www.malt.fr/profile/thomaspeeters'],
  ])('%s at %s', (file, url) => {
    const r = readPage(new URL(url), load(file, url))!;
    expect(r.profile).toEqual({
      key: keyFromUrl(new URL(url))!.key,
      site: r.site,
      siteId: r.profile!.siteId,
      name: r.profile!.siteId,
      profileUrl: expect.any(String),
    });
  });
});
