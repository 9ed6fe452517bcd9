/**
 * Adapter fuzz: real captures destroyed a little more each round (elements removed, attributes
 * dropped, text scrambled, embedded JSON corrupted). readPage must never throw, and whatever it
 * returns must still be a valid reading.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites/index';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { loadCapture, PARSE_TIMEOUT } from '../sites/load-capture';
import { rng } from './rng';

const CAPTURES: [string, string][] = [
  ['upwork/freelancer-profile_visitor_ssr_01140923f209578a6b_2026-06.html', 'https://www.upwork.com/freelancers/~01140923f209578a6b'],
  ['fiverr/seller-profile_tonigdesign_2025-08.html', 'https://www.fiverr.com/tonigdesign'],
  ['fiverr/gig-page_vpross_retro-vintage-logo_2025-08.html', 'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you'],
  ['fiverr/search-gigs_writers-block_2025-09.html', "https://www.fiverr.com/search/gigs?query=writer's%20block"],
  ['fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html', 'https://www.fiverr.com/gigs/1000-seo-backlinks'],
  ['fiverr/category-listing_creative-logo-design_2025-08.html', 'https://www.fiverr.com/categories/graphics-design/creative-logo-design'],
  ['freelancer/user-profile_irfan811_2021-12.html', 'https://www.freelancer.com/u/irfan811'],
  ['freelancer/directory_skills-wordpress_page1_2021-12.html', 'https://www.freelancer.com/freelancers/skills/wordpress/1'],
];

const JUNK = ['', '{', 'null', '[]', '"', '<b>x</b>', '\u202eevil', '🙂'.repeat(50), 'NaN', '$-1e400', '5.0.0', 'x'.repeat(5000)];

function mutate(all: Element[], r: () => number): void {
  const rounds = 60;
  for (let i = 0; i < rounds && all.length > 0; i++) {
    const el = all[Math.floor(r() * all.length)]!;
    const op = Math.floor(r() * 5);
    if (op === 0) el.remove();
    else if (op === 1) {
      const attr = el.attributes[Math.floor(r() * el.attributes.length)];
      if (attr) el.removeAttribute(attr.name);
    } else if (op === 2) {
      const attr = el.attributes[Math.floor(r() * el.attributes.length)];
      if (attr) el.setAttribute(attr.name, JUNK[Math.floor(r() * JUNK.length)]!);
    } else if (op === 3) {
      // Scramble text (also corrupts JSON in <script type="application/json">).
      const text = el.textContent ?? '';
      if (text.length < 200_000) el.textContent = text.split('').sort(() => r() - 0.5).join('').slice(0, 5000);
    } else el.textContent = JUNK[Math.floor(r() * JUNK.length)]!;
  }
}

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
