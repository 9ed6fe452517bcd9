import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { isHourly, parseMoney } from '../../../lib/sites/util/money';
import { finishSnapshot } from '../../../lib/sites/util/snapshot';
import { findCards } from '../../../lib/sites/util/cards';
import { nuxtSkills } from '../../../lib/sites/util/nuxt';
import { parseHtml } from './load-capture';

describe('parseMoney (prices as marketplaces print them)', () => {
  it.each([
    ['$40.00/hr', { amountMinor: 4000, currency: 'USD' }],
    ['$12 USD / hour', { amountMinor: 1200, currency: 'USD' }],
    ['From €25', { amountMinor: 2500, currency: 'EUR' }],
    ['£1,200.50', { amountMinor: 120050, currency: 'GBP' }],
    ['40 USD', { amountMinor: 4000, currency: 'USD' }],
    ['¥3000', { amountMinor: 3000, currency: 'JPY' }],
    ['₹ 850/hr', { amountMinor: 85000, currency: 'INR' }],
  ])('%s', (text, money) => expect(parseMoney(text)).toEqual(money));

  it('needs a currency: a bare number is not money unless the caller knows the currency', () => {
    expect(parseMoney('35')).toBeUndefined();
    expect(parseMoney('35', 'USD')).toEqual({ amountMinor: 3500, currency: 'USD' });
    expect(parseMoney(undefined)).toBeUndefined();
    expect(parseMoney('Contact me')).toBeUndefined();
  });

  it('recognises hourly wording', () => {
    expect(['$40.00/hr', '$12 USD / hour', '30 per hour', 'Hourly: $5'].every(isHourly)).toBe(true);
    expect(isHourly('From $30')).toBe(false);
  });
});

describe('finishSnapshot', () => {
  it('drops each field that fails the schema instead of the whole snapshot', () => {
    const s = finishSnapshot('upwork', '~01abcdefabcdefabcd', 'https://www.upwork.com/freelancers/~01abcdefabcdefabcd', {
      name: '  Ann   B. ',
      avatarUrl: 'not a url',
      rate: { amountMinor: -5, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 4.8, outOf: 5, count: 12 },
      jobSuccess: 140,
      skills: ['Go', ' Go ', '', 'x'.repeat(300)],
      headline: 'h'.repeat(3000),
    });
    expect(s).toMatchObject({
      key: 'upwork:~01abcdefabcdefabcd',
      name: 'Ann B.',
      marketplaceRating: { score: 4.8, outOf: 5, count: 12 },
      skills: ['Go', 'x'.repeat(200)],
    });
    expect(s).not.toHaveProperty('avatarUrl');
    expect(s).not.toHaveProperty('rate');
    expect(s).not.toHaveProperty('jobSuccess');
    expect(s?.headline).toHaveLength(2000);
    expect(ProfileSnapshotSchema.safeParse(s).success).toBe(true);
  });

  it('uses the id as the name when the page shows none, and refuses an invalid key', () => {
    expect(finishSnapshot('fiverr', 'tonigdesign', 'https://www.fiverr.com/tonigdesign', {})?.name).toBe('tonigdesign');
    expect(finishSnapshot('fiverr', 'has space', 'https://www.fiverr.com/x', {})).toBeNull();
  });
});

describe('findCards (one pass over links, no class names)', () => {
  const idOf = (a: HTMLAnchorElement) => /^\/p\/(\w+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? null;

  it("splits cards between neighbours, merges a card's several links, skips page chrome", () => {
    const html = `<header><a href="/p/me">me</a></header><main><ul>
      <li><div><img src="a.jpg"><a href="/p/ann">Ann</a></div><p>text</p><a href="/p/ann?tab=reviews">12 reviews</a></li>
      <li><div><a href="/p/bo">Bo</a></div></li>
      <li><div><a href="/p/cy">Cy</a></div></li></ul></main><footer><a href="/p/help">help</a></footer>`;
    const cards = findCards(parseHtml(html, 'https://x.example/'), idOf);
    expect(cards.map((c) => [c.id, c.element.tagName, c.anchors.length])).toEqual([
      ['ann', 'LI', 2],
      ['bo', 'LI', 1],
      ['cy', 'LI', 1],
    ]);
  });

  it('a stable card attribute wins over structure, and excluded ids are skipped', () => {
    const html =
      '<div data-card="1"><a href="/p/ann">Ann</a><a href="/p/ann/gig">gig</a></div><div data-card="2"><a href="/p/ann">Ann again</a></div><a href="/p/self">self</a>';
    const cards = findCards(parseHtml(html, 'https://x.example/'), idOf, { cardAttribute: 'data-card', exclude: 'self' });
    expect(cards.map((c) => [c.id, c.element.getAttribute('data-card'), c.anchors.length])).toEqual([
      ['ann', '1', 2],
      ['ann', '2', 1],
    ]);
  });
});

describe('nuxtSkills (Nuxt 2 state read without running it)', () => {
  it('resolves parameter names against the literal arguments, strings with commas and quotes included', () => {
    const script =
      'window.__NUXT__=(function(a,b,c,d){return {profile:{skills:[{uid:c,prettyName:b,seo:a},{prettyName:"Zapier",x:[1,2]},{prettyName:d}]},' +
      'other:{skills:[{prettyName:b}]}}}(null,"Email, \\"Newsletters\\" (HTML)",Array(2),"Make.com"));';
    expect(nuxtSkills(script)).toEqual(['Email, "Newsletters" (HTML)', 'Zapier', 'Make.com']);
  });

  it('gives nothing for scripts that are not Nuxt state', () => {
    expect(nuxtSkills('var skills = [{prettyName: "x"}]')).toBeUndefined();
    expect(nuxtSkills('window.__NUXT__={}')).toBeUndefined();
  });
});
