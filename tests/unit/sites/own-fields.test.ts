/**
 * DESIGN.md rule 7 on every real capture: each capture is read as the profile of each card it
 * holds (as if that card's profile had opened over the page, e.g. Upwork's slider), and the
 * reading may carry that contractor's own name or none, never another card's.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, loadCapture } from './load-capture';

const CAPTURES: [string, string][] = [
  ['fiverr/search-gigs_writers-block_2025-09.html', "https://www.fiverr.com/search/gigs?query=writer's%20block"],
  ['fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html', 'https://www.fiverr.com/gigs/1000-seo-backlinks'],
  ['fiverr/category-listing_creative-logo-design_2025-08.html', 'https://www.fiverr.com/categories/graphics-design/creative-logo-design'],
  ['freelancer/directory_skills-wordpress_page1_2021-12.html', 'https://www.freelancer.com/freelancers/skills/wordpress/1'],
  ['upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html', 'https://www.upwork.com/ab/profiles/search/?nbs=1&q='],
  ['upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html', 'https://www.upwork.com/ab/profiles/search/?nbs=1&q='],
];

/** The URL at which the page shows that card's contractor: Upwork's slider, else the profile URL. */
const profileAt = (site: string, siteId: string, profileUrl: string) =>
  site === 'upwork' ? `https://www.upwork.com/ab/profiles/search/details/${siteId}/profile` : profileUrl;

describe.each(CAPTURES)('%s read as the profile of each of its cards', { timeout: PARSE_TIMEOUT }, (file, listUrl) => {
  it('gives that contractor their own name or none', () => {
    const list = readPage(new URL(listUrl), loadCapture(file, listUrl))!;
    expect(list.cards.length).toBeGreaterThan(0);
    const names = new Map(list.cards.map((c) => [c.profile.key, c.profile.name]));
    const wrong: string[] = [];
    for (const card of list.cards) {
      const url = profileAt(card.profile.site, card.profile.siteId, card.profile.profileUrl);
      const p = readPage(new URL(url), loadCapture(file, listUrl))?.profile;
      expect(p?.key, url).toBe(card.profile.key);
      const ownOrNone = p?.name === card.profile.name || p?.name === card.profile.siteId;
      const someoneElse = [...names].some(([k, n]) => k !== card.profile.key && n === p?.name && n !== card.profile.name);
      if (!ownOrNone || someoneElse) wrong.push(`${card.profile.key}: "${p?.name}"`);
    }
    expect(wrong).toEqual([]);
  });
});
