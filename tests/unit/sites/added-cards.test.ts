/**
 * Reading only what the page added (issue 12, attack 13: a page of 10,000 cards is not walked again
 * for each new one). On every real capture and reconstructed page with cards: a card the page
 * appends is read as the same contractor and the same element as a full reading finds, and a page
 * of results appended at once gives the full reading's cards, in order; page chrome gives none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCards, readPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, RECONSTRUCTED, loadCapture, parseHtml } from './load-capture';

const PAGES: [file: string, url: string][] = [
  ['upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html', 'https://www.upwork.com/ab/profiles/search/?nbs=1&q='],
  ['upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html', 'https://www.upwork.com/ab/profiles/search/?nbs=1&q='],
  ['fiverr/category-listing_creative-logo-design_2025-08.html', 'https://www.fiverr.com/categories/graphics-design/creative-logo-design'],
  ['fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html', 'https://www.fiverr.com/gigs/1000-seo-backlinks'],
  ['fiverr/search-gigs_writers-block_2025-09.html', 'https://www.fiverr.com/search/gigs?query=writer'],
  ['freelancer/directory_skills-wordpress_page1_2021-12.html', 'https://www.freelancer.com/freelancers/skills/wordpress/1'],
  ['reconstructed:upwork-talent-search-nx.html', 'https://www.upwork.com/nx/search/talent/?q=klaviyo'],
  ['reconstructed:upwork-applicants.html', 'https://www.upwork.com/ab/applicants/1411111111111111111/applicants'],
  ['reconstructed:guru-listing.html', 'https://www.guru.com/d/freelancers/c/programming-development/'],
  ['reconstructed:peopleperhour-listing.html', 'https://www.peopleperhour.com/freelancers?keywords=logo'],
];

function open(file: string, url: string): Document {
  if (!file.startsWith('reconstructed:')) return loadCapture(file, url);
  return parseHtml(readFileSync(path.join(RECONSTRUCTED, file.slice('reconstructed:'.length)), 'utf8'), url);
}

describe.each(PAGES)('cards read from added nodes: %s', (file, href) => {
  it(
    'each card alone, and all of them at once, as the full reading finds them; chrome gives none',
    () => {
      const url = new URL(href);
      const doc = open(file, url.href);
      const full = readPage(url, doc)!.cards;
      expect(full.length).toBeGreaterThan(1);
      // One card appended (infinite scroll): that contractor, on that element.
      for (const card of full) {
        const read = readCards(url, doc, [card.element]);
        expect(
          read.map((c) => [c.profile.key, c.element]),
          card.profile.key,
        ).toEqual([[card.profile.key, card.element]]);
        expect(read[0]!.profile).toEqual(card.profile);
      }
      // A page of results appended at once: the element that holds them all.
      let list = full[0]!.element.parentElement!;
      while (!full.every((c) => list.contains(c.element))) list = list.parentElement!;
      const all = readCards(url, doc, [list]);
      expect(all.map((c) => c.profile.key)).toEqual(full.filter((c) => list.contains(c.element)).map((c) => c.profile.key));
      expect(all.map((c) => c.element)).toEqual(full.map((c) => c.element));
      // Links in the header, navigation and footer are never cards, added or not.
      for (const chrome of doc.querySelectorAll('header, nav, footer')) expect(readCards(url, doc, [chrome])).toEqual([]);
    },
    PARSE_TIMEOUT,
  );
});

describe('cards read from added nodes, off the page', () => {
  it('nothing when nothing was added, and nothing for a page of another site', () => {
    const doc = parseHtml(
      '<main><div><a href="/freelancers/~0123456789abcdef01">Ann</a></div></main>',
      'https://www.upwork.com/nx/search/talent/',
    );
    const url = new URL('https://www.upwork.com/nx/search/talent/');
    expect(readCards(url, doc, [])).toEqual([]);
    expect(readCards(new URL('https://example.com/'), doc, [doc.querySelector('div')!])).toEqual([]);
    expect(readCards(url, doc, [doc.querySelector('div')!]).map((c) => c.profile.key)).toEqual(['upwork:~0123456789abcdef01']);
  });
});
