import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACE_IDS, ProfileSnapshotSchema } from '../../../lib/db/schema';
import { ADAPTERS, adapterFor, hireButtonSelectors, isMarketplaceUrl, keyFromUrl, readPage, siteOf } from '../../../lib/sites';
import { parseHtml } from './load-capture';

const LIB = path.resolve(__dirname, '../../../lib/sites');

describe('registry', () => {
  it('has one adapter per marketplace, each in its own file and registered once', () => {
    expect(ADAPTERS.map((a) => a.site).sort()).toEqual([...MARKETPLACE_IDS].sort());
    const files = readdirSync(LIB).filter(
      (f) => f.endsWith('.ts') && !['index.ts', 'registry.ts', 'reader.ts', 'types.ts', 'matches.ts', 'generic.ts'].includes(f),
    );
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(ADAPTERS.map((a) => a.site).sort());
  });

  it('covers every host the content script is injected on, and no other', () => {
    for (const a of ADAPTERS) for (const h of a.hosts) expect(isMarketplaceUrl(`https://www.${h}/`)).toBe(true);
  });

  // Lines as Prettier writes them (print width 140): about 100 lines of code.
  it('adapters stay small (near 100 lines: shared helpers belong in util/)', () => {
    for (const a of ADAPTERS) {
      const lines = readFileSync(path.join(LIB, `${a.site}.ts`), 'utf8').split('\n').length;
      expect(lines, a.site).toBeLessThanOrEqual(160);
    }
  });

  it('importing the module does nothing but define functions (pure: no browser APIs)', () => {
    for (const f of readdirSync(LIB, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(path.join(LIB, f), 'utf8');
      expect(src, f).not.toMatch(/\b(?:browser|chrome)\.(?:runtime|storage|tabs)|\bfetch\(|XMLHttpRequest|wxt\/browser/);
    }
  });
});

describe.each(ADAPTERS.map((a) => [a.site, a] as const))('%s URL table', (site, adapter) => {
  it.each(Object.entries(adapter.examples.profiles))('recognises %s as %s', (url, id) => {
    expect(adapter.idFromUrl(new URL(url))).toBe(id);
    expect(keyFromUrl(new URL(url))).toEqual({ site, key: `${site}:${id}` });
    expect(siteOf(new URL(url))).toBe(site);
  });

  it.each(adapter.examples.notProfiles)('gives no contractor for %s', (url) => {
    expect(adapter.idFromUrl(new URL(url))).toBeNull();
    expect(keyFromUrl(new URL(url))).toBeNull();
  });

  it("recognises none of the other adapters' URLs (cross-negative)", () => {
    for (const other of ADAPTERS) {
      if (other === adapter) continue;
      for (const url of [...Object.keys(other.examples.profiles), ...other.examples.notProfiles]) {
        expect(adapter.idFromUrl(new URL(url)), `${site} on ${url}`).toBeNull();
      }
    }
  });

  it("lists the site's own hire / contact buttons for the overlay to avoid", () => {
    expect(adapter.hireButtonSelectors?.length).toBeGreaterThan(0);
    const doc = parseHtml('<html><body></body></html>', 'https://example.com/');
    for (const s of adapter.hireButtonSelectors ?? []) expect(() => doc.querySelector(s), s).not.toThrow();
    expect(hireButtonSelectors(new URL(Object.keys(adapter.examples.profiles)[0]!))).toEqual(adapter.hireButtonSelectors);
  });
});

describe('keyFromUrl / siteOf outside the marketplaces', () => {
  it.each([
    'https://example.com/freelancers/~01140923f209578a6b',
    'https://evil-upwork.com/freelancers/~01140923f209578a6b',
    'https://upwork.com.evil.example/freelancers/~01140923f209578a6b',
    'chrome-extension://abcdef/popup.html',
    'file:///home/me/tonigdesign.html',
  ])('%s is no supported site', (url) => {
    expect(siteOf(new URL(url))).toBeNull();
    expect(keyFromUrl(new URL(url))).toBeNull();
    expect(readPage(new URL(url), parseHtml('<html><body><h1>Hi</h1></body></html>', 'https://example.com/'))).toBeNull();
  });

  it('subdomains of a marketplace belong to its site but are never a profile', () => {
    expect(siteOf(new URL('https://support.upwork.com/hc/en-us/articles/211068468'))).toBe('upwork');
    expect(keyFromUrl(new URL('https://community.fiverr.com/forums/topic/1-tonigdesign'))).toBeNull();
    expect(adapterFor(new URL('https://answers.fiverr.com/qa/10_graphics-design/'))?.site).toBe('fiverr');
  });
});

describe('marketplace home, job and help pages give no profile', () => {
  const PAGES = [
    [
      'https://www.upwork.com/',
      '<title>Upwork | The World’s Work Marketplace</title><h1>Hire the best freelancers</h1><a href="/freelancers/~01140923f209578a6b">Sergii C.</a>',
    ],
    [
      'https://www.upwork.com/jobs/~021846242097910121600',
      '<title>Klaviyo expert needed - Freelance Job - Upwork</title><h1>Klaviyo expert needed</h1>',
    ],
    ['https://www.fiverr.com/', '<title>Fiverr - Freelance Services Marketplace</title><h1>Find the right freelance service</h1>'],
    ['https://www.fiverr.com/support', '<title>Fiverr Support</title><h1>How can we help?</h1>'],
    ['https://www.freelancer.com/', '<title>Freelancer | Hire Freelancers</title><h1>Hire the best freelancers</h1>'],
    [
      'https://www.freelancer.com/projects/php/build-website-40724221',
      '<title>Build website | PHP | Freelancer</title><h1>Build website</h1>',
    ],
    [
      'https://www.peopleperhour.com/freelance-jobs/design/logo-for-a-bakery-4232123',
      '<title>Logo for a bakery | PeoplePerHour</title><h1>Logo for a bakery</h1>',
    ],
    ['https://www.guru.com/work/detail/2101732', '<title>Data entry | Guru</title><h1>Data entry</h1>'],
    ['https://www.guru.com/help/', '<title>Help | Guru</title><h1>Help center</h1>'],
  ] as const;
  it.each(PAGES)('%s', (url, body) => {
    const r = readPage(new URL(url), parseHtml(`<html><head></head><body>${body}</body></html>`, url));
    expect(r?.site).toBe(siteOf(new URL(url)));
    expect(r?.profile).toBeNull();
  });
});

describe('half-understood pages never throw', () => {
  const PROFILE_URLS = ADAPTERS.flatMap((a) => Object.keys(a.examples.profiles).slice(0, 2));
  const MANGLED = [
    '',
    '<html><head><script id="perseus-initial-props" type="application/json">{"seller": {"user": 7}}</script></head><body></body></html>',
    '<html><head><script id="perseus-initial-props" type="application/json">{not json</script><script type="application/ld+json">[{"@type":["Person"],"name":{"x":1},"image":42}]</script></head></html>',
    '<html><head><script id="webapp-state" type="application/json">{&q;NGRX_STATE&q;:{&q;users&q;:[null,{&q;documents&q;:null}]}}</script><script>window.__NUXT__=(function(a){return {}})(1)</script></head><body><h1></h1></body></html>',
    '<html><head><meta property="og:title" content=""><link rel="canonical" href="http://[::1"></head><body><a href="http://[bad">x</a><a href="/freelancers/~01aaaaaaaaaaaaaaaa">' +
      'y'.repeat(600) +
      '</a><div itemscope itemtype="http://schema.org/Person" profile-rating="NaN" feedbacks-count="-4"><span itemprop="name"></span></div></body></html>',
    '<html><body><div data-gig-id="1_0"><a href="/somebody/a-gig">gig</a><span>From $-5</span></div><div aria-label="Rating">99999 (x)</div><span aria-label="Public Name">' +
      'n'.repeat(900) +
      '</span></body></html>',
  ];
  it.each(PROFILE_URLS)('%s: returns a valid reading on mangled pages', (url) => {
    for (const html of MANGLED) {
      const r = readPage(new URL(url), parseHtml(html, url));
      expect(r).not.toBeNull();
      if (r?.profile) expect(ProfileSnapshotSchema.safeParse(r.profile).success).toBe(true);
      // The overlay works from the URL alone: a profile URL always yields its key.
      expect(r?.profile?.key).toBe(keyFromUrl(new URL(url))?.key);
      for (const c of r?.cards ?? []) expect(ProfileSnapshotSchema.safeParse(c.profile).success).toBe(true);
    }
  });
});
