import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { hireButtonSelectors, readPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, loadCapture, parseHtml, readCapture, withRenamedClasses, withoutState } from './load-capture';

const SELLER = { file: 'fiverr/seller-profile_tonigdesign_2025-08.html', url: 'https://www.fiverr.com/tonigdesign' };
const GIG = {
  file: 'fiverr/gig-page_vpross_retro-vintage-logo_2025-08.html',
  url: 'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you?context_referrer=subcategory_listing&source=pagination&ref_ctx_id=b46fa114ae314be9926cc4a808c204ef&pckg_id=1&pos=8',
};
const LISTINGS = [
  { file: 'fiverr/search-gigs_writers-block_2025-09.html', url: "https://www.fiverr.com/search/gigs?query=writer's%20block", gigs: 27 },
  { file: 'fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html', url: 'https://www.fiverr.com/gigs/1000-seo-backlinks', gigs: 48 },
  {
    file: 'fiverr/category-listing_creative-logo-design_2025-08.html',
    url: 'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
    gigs: 48,
  },
];

/** The sellers of the gigs the page lists, from the page's own JSON (what the cards show), in page order. */
function sellersInState(html: string): string[] {
  const json = /<script[^>]*id="perseus-initial-props"[^>]*>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}';
  const props = JSON.parse(json) as { gigs?: { seller_name: string }[]; listings?: { gigs: { seller_name: string }[] }[] };
  return (props.gigs ?? props.listings?.[0]?.gigs ?? []).map((g) => `fiverr:${g.seller_name.toLowerCase()}`);
}

describe('Fiverr seller profile (real capture, 2025-08)', { timeout: PARSE_TIMEOUT }, () => {
  const r = readPage(new URL(SELLER.url), loadCapture(SELLER.file, SELLER.url));

  it('reads Toni G.: $35/hour, 5.0 from 838 reviews, Croatia', () => {
    expect(r?.profile).toMatchObject({
      key: 'fiverr:tonigdesign',
      siteId: 'tonigdesign',
      name: 'Toni G.',
      profileUrl: 'https://www.fiverr.com/tonigdesign',
      headline: 'Logo and Visual Identity Designer, Shaping Unique Brand Stories',
      location: 'Croatia',
      rate: { amountMinor: 3500, currency: 'USD', unit: 'hour' },
      marketplaceRating: { score: 5, outOf: 5, count: 838 },
    });
    expect(r?.profile?.skills).toEqual(expect.arrayContaining(['Logo design', 'Adobe Illustrator', 'Branding']));
    expect(ProfileSnapshotSchema.safeParse(r?.profile).success).toBe(true);
  });

  it("does not turn the seller's own gigs into cards of someone else", () => {
    expect(r?.cards.filter((c) => c.profile.key === 'fiverr:tonigdesign')).toEqual([]);
  });
});

describe('Fiverr gig page (real capture, 2025-08)', { timeout: PARSE_TIMEOUT }, () => {
  const r = readPage(new URL(GIG.url), loadCapture(GIG.file, GIG.url));

  it('the profile is the seller, Dharmishtha A (@vpross), from $10, 4.7 from 99 reviews', () => {
    expect(r?.profile).toMatchObject({
      key: 'fiverr:vpross',
      name: 'Dharmishtha A',
      profileUrl: 'https://www.fiverr.com/vpross',
      rate: { amountMinor: 1000, currency: 'USD', unit: 'from' },
      marketplaceRating: { score: 4.7, outOf: 5, count: 99 },
    });
  });

  it("the seller's contact button is among the hire buttons the overlay avoids", () => {
    const doc = loadCapture(GIG.file, GIG.url);
    expect(doc.querySelectorAll(hireButtonSelectors(new URL(GIG.url)).join(', ')).length).toBeGreaterThan(0);
  });

  it('"people also viewed" gigs become cards keyed by their sellers, never the page\'s seller', () => {
    const keys = r?.cards.map((c) => c.profile.key) ?? [];
    expect(keys.length).toBeGreaterThanOrEqual(15);
    expect(keys).toContain('fiverr:igni8arts');
    expect(keys).not.toContain('fiverr:vpross');
  });
});

describe.each(LISTINGS)('Fiverr listing $file (real capture)', { timeout: PARSE_TIMEOUT }, ({ file, url, gigs }) => {
  const html = readCapture(file);
  const expected = sellersInState(html);

  it(`finds all ${gigs} gig cards, each keyed by its seller`, () => {
    const r = readPage(new URL(url), parseHtml(html, url));
    expect(r?.profile).toBeNull();
    const gigCards = r!.cards.filter((c) => c.element.hasAttribute('data-gig-id'));
    expect(expected).toHaveLength(gigs);
    expect(gigCards.map((c) => c.profile.key)).toEqual(expected);
    for (const c of r!.cards) expect(ProfileSnapshotSchema.safeParse(c.profile).success).toBe(true);
    // Each card element holds its own seller link and no other card.
    for (const c of gigCards) expect(c.element.querySelectorAll('[data-gig-id]')).toHaveLength(0);
  });

  it('keeps ≥ 90% of the cards with key and name when the embedded state is removed', () => {
    const r = readPage(new URL(url), parseHtml(withoutState(html), url));
    const found = r!.cards.filter((c) => expected.includes(c.profile.key) && c.profile.name && c.profile.name !== c.profile.siteId);
    expect(new Set(found.map((c) => c.profile.key)).size).toBeGreaterThanOrEqual(Math.ceil(new Set(expected).size * 0.9));
  });

  it('keeps ≥ 90% of the cards with key and name when every class name changes', () => {
    const r = readPage(new URL(url), parseHtml(withRenamedClasses(html), url));
    const keys = r!.cards.filter((c) => c.profile.name).map((c) => c.profile.key);
    const hits = expected.filter((k) => keys.includes(k)).length;
    expect(hits / expected.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('Fiverr listings with nothing but tags, links and text left', { timeout: PARSE_TIMEOUT }, () => {
  it.each(LISTINGS)('$file: ≥ 90% of the cards still found from the link structure alone', ({ file, url }) => {
    const expected = sellersInState(readCapture(file));
    const r = readPage(new URL(url), loadCapture(file, url, 'bare-markup'));
    const keys = r!.cards.filter((c) => c.profile.name).map((c) => c.profile.key);
    expect(expected.filter((k) => keys.includes(k)).length / expected.length).toBeGreaterThanOrEqual(0.9);
    expect(r!.cards.length).toBeLessThanOrEqual(expected.length * 1.3);
  });
});

describe('Fiverr listings: values a visitor sees on the first cards', { timeout: PARSE_TIMEOUT }, () => {
  it('search "writer\'s block": Shihab (@shihabiiuc), from $30', () => {
    const { file, url } = LISTINGS[0]!;
    const first = readPage(new URL(url), loadCapture(file, url))!.cards[0]!.profile;
    expect(first).toMatchObject({
      key: 'fiverr:shihabiiuc',
      name: 'Shihab',
      profileUrl: 'https://www.fiverr.com/shihabiiuc',
      rate: { amountMinor: 3000, currency: 'USD', unit: 'from' },
    });
  });

  it('tag "1000 seo backlinks": Arham (@arham1_seo), from $5', () => {
    const { file, url } = LISTINGS[1]!;
    const first = readPage(new URL(url), loadCapture(file, url))!.cards[0]!.profile;
    expect(first).toMatchObject({ key: 'fiverr:arham1_seo', name: 'Arham', rate: { amountMinor: 500, currency: 'USD', unit: 'from' } });
  });
});

describe('Fiverr fallbacks on profiles', { timeout: PARSE_TIMEOUT }, () => {
  it.each([SELLER, GIG])('$url: key and name without the embedded state', ({ file, url }) => {
    const r = readPage(new URL(url), loadCapture(file, url, 'without-state'));
    expect(r?.profile?.key).toBe(file.includes('vpross') ? 'fiverr:vpross' : 'fiverr:tonigdesign');
    expect(r?.profile?.name).toBe(file.includes('vpross') ? 'Dharmishtha A' : 'Toni G.');
  });

  it.each([SELLER, GIG])('$url: key and name with class names changed', ({ file, url }) => {
    const r = readPage(new URL(url), loadCapture(file, url, 'renamed-classes'));
    expect(r?.profile?.key).toBe(file.includes('vpross') ? 'fiverr:vpross' : 'fiverr:tonigdesign');
    expect(r?.profile?.name).toBe(file.includes('vpross') ? 'Dharmishtha A' : 'Toni G.');
  });

  it('the seller page without state still shows 5.0 from 838 from the visible rating', () => {
    const r = readPage(new URL(SELLER.url), loadCapture(SELLER.file, SELLER.url, 'without-state'));
    expect(r?.profile?.marketplaceRating).toEqual({ score: 5, outOf: 5, count: 838 });
  });
});
