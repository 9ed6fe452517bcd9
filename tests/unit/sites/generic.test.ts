import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { readGenericPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, loadCapture, parseHtml } from './load-capture';

const page = (url: string, head: string, body = '') => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url);

describe('readGenericPage ("Track this page as a contractor")', () => {
  it('reads a JSON-LD Person (inside @graph) first', () => {
    const url = 'https://www.Example-Portfolio.com/people/ana-lima/?utm_source=x#work';
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Ana Lima Studio' },
        {
          '@type': 'Person',
          name: 'Ana Lima',
          jobTitle: 'Motion designer',
          image: { url: '/img/ana.jpg' },
          address: { addressLocality: 'Lisbon', addressCountry: 'PT' },
          knowsAbout: ['After Effects', { name: 'Cinema 4D' }],
        },
      ],
    };
    const r = readGenericPage(
      new URL(url),
      page(url, `<title>Portfolio</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`),
    );
    expect(r).toEqual({
      key: 'generic:example-portfolio.com/people/ana-lima',
      site: 'generic',
      siteId: 'example-portfolio.com/people/ana-lima',
      name: 'Ana Lima',
      profileUrl: 'https://www.example-portfolio.com/people/ana-lima/',
      headline: 'Motion designer',
      avatarUrl: 'https://www.example-portfolio.com/img/ana.jpg',
      location: 'Lisbon, PT',
      skills: ['After Effects', 'Cinema 4D'],
    });
  });

  it('falls back to OpenGraph, then to the title', () => {
    const url = 'https://github.com/octocat';
    const og = readGenericPage(
      new URL(url),
      page(
        url,
        '<meta property="og:title" content="The Octocat"><meta property="og:image" content="https://avatars.githubusercontent.com/u/583231">',
      ),
    );
    expect(og).toMatchObject({
      key: 'generic:github.com/octocat',
      name: 'The Octocat',
      avatarUrl: 'https://avatars.githubusercontent.com/u/583231',
    });
    const title = readGenericPage(new URL(url), page(url, '<title>Jane Roe | Illustrator</title>'));
    expect(title?.name).toBe('Jane Roe');
  });

  it('the same page with query, hash, trailing slash or www gives the same key', () => {
    const keys = ['https://www.site.dev/u/jo', 'https://site.dev/u/jo/', 'https://SITE.dev/u/jo?ref=1#top'].map(
      (u) => readGenericPage(new URL(u), page(u, '<title>Jo</title>'))?.key,
    );
    expect(new Set(keys)).toEqual(new Set(['generic:site.dev/u/jo']));
  });

  it('ignores a canonical link to another host (a page must not file itself under someone else)', () => {
    const url = 'https://mirror.example/jo';
    const r = readGenericPage(
      new URL(url),
      page(url, '<link rel="canonical" href="https://www.upwork.com/freelancers/~01140923f209578a6b"><title>Jo</title>'),
    );
    expect(r?.key).toBe('generic:mirror.example/jo');
  });

  it('returns null only for non-web pages; an empty page still gets a key', () => {
    expect(readGenericPage(new URL('chrome://settings'), page('https://x.y/', ''))).toBeNull();
    const r = readGenericPage(new URL('https://x.example/a'), page('https://x.example/a', ''));
    expect(ProfileSnapshotSchema.safeParse(r).success).toBe(true);
    expect(r?.name).toBe('x.example/a');
  });

  it('reads a real marketplace capture as a generic page too (Upwork profile: name from microdata)', { timeout: PARSE_TIMEOUT }, () => {
    const url = 'https://www.upwork.com/freelancers/~01140923f209578a6b';
    const file = 'upwork/freelancer-profile_visitor_ssr_01140923f209578a6b_2026-06.html';
    const r = readGenericPage(new URL(url), loadCapture(file, url));
    expect(r).toMatchObject({ key: 'generic:upwork.com/freelancers/~01140923f209578a6b', name: 'Sergii C.' });
  });
});
