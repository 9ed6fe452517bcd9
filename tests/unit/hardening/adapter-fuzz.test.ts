/**
 * Adapter fuzz: real captures destroyed a little more each round (elements removed, attributes
 * dropped, text scrambled, embedded JSON corrupted). readPage must never throw, and whatever it
 * returns must still be a valid reading.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites/index';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { loadCapture, PARSE_TIMEOUT } from '../sites/load-capture';
import { mutate } from './mutate';
import { rng } from './rng';

const CAPTURES: [string, string][] = [
  ['upwork/freelancer-profile_visitor_ssr_01140923f209578a6b_2026-06.html', 'https://www.upwork.com/freelancers/~01140923f209578a6b'],
  ['fiverr/seller-profile_tonigdesign_2025-08.html', 'https://www.fiverr.com/tonigdesign'],
  [
    'fiverr/gig-page_vpross_retro-vintage-logo_2025-08.html',
    'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you',
  ],
  ['fiverr/search-gigs_writers-block_2025-09.html', "https://www.fiverr.com/search/gigs?query=writer's%20block"],
  ['fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html', 'https://www.fiverr.com/gigs/1000-seo-backlinks'],
  ['fiverr/category-listing_creative-logo-design_2025-08.html', 'https://www.fiverr.com/categories/graphics-design/creative-logo-design'],
  ['freelancer/user-profile_irfan811_2021-12.html', 'https://www.freelancer.com/u/irfan811'],
  ['freelancer/directory_skills-wordpress_page1_2021-12.html', 'https://www.freelancer.com/freelancers/skills/wordpress/1'],
  ['upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html', 'https://www.upwork.com/ab/profiles/search/?nbs=1&q='],
  [
    'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html',
    'https://www.upwork.com/ab/profiles/search/details/~01fde5b03c6bf8039b/profile',
  ],
];

describe('readPage under random damage', () => {
  it.each(CAPTURES)(
    'never throws on %s destroyed step by step',
    (file, url) => {
      // This file's own parsed copy (the capture cache is per test file): safe to damage in place.
      const doc = loadCapture(file, url, 'as-captured');
      const all = Array.from(doc.querySelectorAll('body *, head meta, head link, script'));
      const r = rng(file.length * 7919);
      let readings = 0;
      for (let round = 0; round < 25; round++) {
        mutate(all, r);
        const reading = readPage(new URL(url), doc);
        expect(reading).not.toBeNull(); // the URL alone says which marketplace this is
        if (reading?.profile) expect(ProfileSnapshotSchema.safeParse(reading.profile).success).toBe(true);
        for (const card of reading?.cards ?? []) expect(ProfileSnapshotSchema.safeParse(card.profile).success).toBe(true);
        readings++;
      }
      expect(readings).toBe(25);
    },
    PARSE_TIMEOUT * 2,
  );
});
