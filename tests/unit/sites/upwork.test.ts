import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { readPage } from '../../../lib/sites';
import { FIXTURES, PARSE_TIMEOUT, RECONSTRUCTED, loadCapture, parseHtml } from './load-capture';
import { readFileSync } from 'node:fs';

const CAPTURE = `upwork/${readdirSync(path.join(FIXTURES, 'upwork')).find((f) => f.includes('01140923f209578a6b'))}`;
const URL_ = 'https://www.upwork.com/freelancers/~01140923f209578a6b';

describe('Upwork logged-out profile (real capture, 2026-06)', { timeout: PARSE_TIMEOUT }, () => {
  const reading = readPage(new URL(URL_), loadCapture(CAPTURE, URL_));

  it('reads what the visitor sees: Sergii C., $40/hr, 5.0 from 13 reviews, 100% job success', () => {
    const p = reading?.profile;
    expect(reading?.site).toBe('upwork');
    expect(p).toMatchObject({
      key: 'upwork:~01140923f209578a6b',
      site: 'upwork',
      siteId: '~01140923f209578a6b',
      name: 'Sergii C.',
      profileUrl: 'https://www.upwork.com/freelancers/~01140923f209578a6b',
      headline: 'Klaviyo Email Marketing Expert for Shopify | Flows & Campaigns',
      location: 'Kharkiv, Ukraine',
      rate: { amountMinor: 4000, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 5, outOf: 5, count: 13 },
      jobSuccess: 100,
    });
    expect(p?.avatarUrl).toMatch(/^https:\/\/www\.upwork\.com\/profile-portraits\//);
    // Skills sit in __NUXT__ behind parameter names ("prettyName:ax"), resolved without running it.
    expect(p?.skills).toEqual(
      expect.arrayContaining(['Klaviyo', 'Email Deliverability', 'Marketing Automation', 'Customer Retention Strategy']),
    );
    expect(p?.skills?.every((s) => s.length > 1 && !/^[\w$]{1,2}$/.test(s))).toBe(true);
    expect(ProfileSnapshotSchema.safeParse(p).success).toBe(true);
  });

  it('finds no contractor cards on a profile with no other freelancers linked', () => {
    expect(reading?.cards).toEqual([]);
  });

  it('the same profile reached through a URL variant gives the same key', () => {
    const variant = 'https://www.upwork.com/freelancers/~01140923f209578a6b/?viewMode=1&s=1110580755107926016';
    const r = readPage(new URL(variant), loadCapture(CAPTURE, variant));
    expect(r?.profile?.key).toBe('upwork:~01140923f209578a6b');
    expect(r?.profile?.profileUrl).toBe('https://www.upwork.com/freelancers/~01140923f209578a6b');
  });

  it('a vanity URL takes the ciphertext from the page, so the key does not change', () => {
    const vanity = 'https://www.upwork.com/fl/sergiic';
    const r = readPage(new URL(vanity), loadCapture(CAPTURE, vanity));
    expect(r?.profile?.key).toBe('upwork:~01140923f209578a6b');
    expect(r?.profile?.name).toBe('Sergii C.');
  });

  it('still reads key and name with the __NUXT__ state removed', () => {
    const r = readPage(new URL(URL_), loadCapture(CAPTURE, URL_, 'without-state'));
    expect(r?.profile?.key).toBe('upwork:~01140923f209578a6b');
    expect(r?.profile?.name).toBe('Sergii C.');
    expect(r?.profile?.rate).toEqual({ amountMinor: 4000, currency: 'USD', unit: 'hour' });
  });

  it('still reads key and name with every class name changed', () => {
    const r = readPage(new URL(URL_), loadCapture(CAPTURE, URL_, 'renamed-classes'));
    expect(r?.profile?.key).toBe('upwork:~01140923f209578a6b');
    expect(r?.profile?.name).toBe('Sergii C.');
    expect(r?.profile?.jobSuccess).toBe(100);
  });
});

describe('Upwork pages that are not a profile', { timeout: PARSE_TIMEOUT }, () => {
  it("reads nothing on Cloudflare's challenge page (reconstructed), even at a profile URL", () => {
    const html = readFileSync(path.join(RECONSTRUCTED, 'upwork-challenge.html'), 'utf8');
    const r = readPage(new URL(URL_), parseHtml(html, URL_));
    expect(r).toEqual({ site: 'upwork', profile: null, cards: [] });
  });

  it('a vanity page without any ciphertext falls back to the vanity name as id', () => {
    const url = 'https://www.upwork.com/fl/janedoe';
    const r = readPage(
      new URL(url),
      parseHtml('<html><head><title>Jane D. - Upwork</title></head><body><h1>Jane D.</h1></body></html>', url),
    );
    expect(r?.profile?.key).toBe('upwork:fl/janedoe');
    expect(r?.profile?.name).toBe('Jane D.');
  });

  it('talent search: one card per freelancer link group, keyed by ciphertext', () => {
    const url = 'https://www.upwork.com/nx/search/talent/?q=klaviyo';
    const tile = (c: string, name: string, rate: string) =>
      `<section><div><img src="https://www.upwork.com/profile-portraits/${c}" alt=""></div><h4><a href="/freelancers/~${c}?mp_source=search">${name}</a></h4><p>Email marketer</p><div><strong>${rate}</strong></div><a href="/freelancers/~${c}?mp_source=search">View profile</a></section>`;
    const html = `<html><body><header><a href="/freelancers/~01ffffffffffffffff">Me</a></header><main>${tile('01aaaaaaaaaaaaaaaa', 'Ann B.', '$55.00/hr')}${tile('01bbbbbbbbbbbbbbbb', 'Bo C.', '$30/hr')}</main></body></html>`;
    const r = readPage(new URL(url), parseHtml(html, url));
    expect(r?.profile).toBeNull();
    expect(r?.cards.map((c) => [c.profile.key, c.profile.name, c.profile.rate?.amountMinor])).toEqual([
      ['upwork:~01aaaaaaaaaaaaaaaa', 'Ann B.', 5500],
      ['upwork:~01bbbbbbbbbbbbbbbb', 'Bo C.', 3000],
    ]);
    expect(r?.cards.every((c) => c.element.tagName === 'SECTION')).toBe(true);
  });
});
