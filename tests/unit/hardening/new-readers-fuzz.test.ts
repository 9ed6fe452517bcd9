/**
 * Fuzz and mutation tests for the readers of issue 13: Upwork's id-carrying cards and slider
 * reading (on the real 2022 captures), and the Toptal, Contra, Malt and Upwork reconstructed pages.
 * Under random damage readPage never throws and stays valid, and DESIGN.md rule 7 keeps holding:
 * read at a card's slider URL, a profile carries that freelancer's own name or none.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { keyFromUrl, readPage } from '../../../lib/sites';
import { FIXTURES, PARSE_TIMEOUT, RECONSTRUCTED, loadCapture, parseHtml } from '../sites/load-capture';
import { mutate } from './mutate';
import { rng } from './rng';

const SEARCH = 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=';
const SEARCHES = [
  'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html',
  'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html',
];

const valid = (url: string, doc: Document) => {
  const r = readPage(new URL(url), doc);
  expect(r).not.toBeNull();
  if (r?.profile) expect(ProfileSnapshotSchema.safeParse(r.profile).success).toBe(true);
  for (const c of r?.cards ?? []) expect(ProfileSnapshotSchema.safeParse(c.profile).success).toBe(true);
  // A profile URL always gives its key, whatever is left of the page.
  expect(r?.profile?.key ?? null).toBe(keyFromUrl(new URL(url))?.key ?? null);
  return r!;
};

describe.each(SEARCHES)('%s under random damage', { timeout: PARSE_TIMEOUT * 2 }, (file) => {
  it("read at every card's slider URL: valid, and never another card's name", () => {
    // A fresh parse (not the shared cache): this test damages it in place.
    const doc = parseHtml(readFileSync(path.join(FIXTURES, file), 'utf8'), SEARCH);
    const before = readPage(new URL(SEARCH), loadCapture(file, SEARCH))!.cards.map((c) => [c.profile.siteId, c.profile.name] as const);
    expect(before).toHaveLength(10);
    const all = Array.from(doc.querySelectorAll('body *'));
    const r = rng(file.length * 104729);
    let checked = 0;
    for (let round = 0; round < 12; round++) {
      mutate(all, r);
      for (const [id, name] of before) {
        const p = valid(`https://www.upwork.com/ab/profiles/search/details/${id}/profile`, doc).profile!;
        const others = before.filter(([o]) => o !== id).map(([, n]) => n);
        // Damage may blank or scramble the own name, but never swap in a neighbour's.
        if (p.name !== name) expect(others).not.toContain(p.name);
        checked++;
      }
      valid(SEARCH, doc);
    }
    expect(checked).toBe(120);
  });
});

const RECONSTRUCTED_PAGES: [string, string][] = [
  ['toptal-resume.html', 'https://www.toptal.com/resume/ana-kowalska'],
  ['contra-profile.html', 'https://contra.com/jane_doe'],
  ['malt-profile.html', 'https://www.malt.fr/profile/camillemartin'],
  ['upwork-talent-search-nx.html', 'https://www.upwork.com/nx/search/talent/?q=klaviyo'],
  ['upwork-talent-search-nx.html', 'https://www.upwork.com/nx/search/talent/details/~01bb22cc33dd44ee55/profile'],
  ['upwork-applicants.html', 'https://www.upwork.com/ab/applicants/1411111111111111111/applicants'],
];

describe('reconstructed pages of the new readers under random damage', () => {
  it.each(RECONSTRUCTED_PAGES)('%s at %s', (file, url) => {
    const doc = parseHtml(readFileSync(path.join(RECONSTRUCTED, file), 'utf8'), url);
    const all = Array.from(doc.querySelectorAll('body *, head meta, head link, script'));
    const r = rng(file.length * 31 + url.length);
    for (let round = 0; round < 40; round++) {
      mutate(all, r);
      valid(url, doc);
    }
  });

  it.each(['toptal-resume.html', 'contra-profile.html', 'malt-profile.html'])('%s with hostile JSON-LD and meta values', (file) => {
    const url = RECONSTRUCTED_PAGES.find(([f]) => f === file)![1];
    const JUNK = [
      '',
      'null',
      '[]',
      '{"@type":"Person","name":{"x":1},"makesOffer":{"priceSpecification":{"price":"-5","priceCurrency":"usd!"}}}',
      '{"@type":["Person"],"name":"' + 'n'.repeat(3000) + '","image":42}',
      '{',
    ];
    for (const junk of JUNK) {
      const html = readFileSync(path.join(RECONSTRUCTED, file), 'utf8')
        .replace(/(<script type="application\/ld\+json">)[\s\S]*?(<\/script>)/, `$1${junk}$2`)
        .replace(/content="[^"]*"/g, (m, i: number) => (i % 3 === 0 ? 'content="javascript:alert(1)"' : m));
      const p = valid(url, parseHtml(html, url)).profile!;
      expect(p.avatarUrl?.startsWith('javascript:')).not.toBe(true);
      expect(p.name.length).toBeLessThanOrEqual(500);
    }
  });
});
