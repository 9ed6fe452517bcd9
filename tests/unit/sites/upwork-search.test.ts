import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileSnapshotSchema } from '../../../lib/db/schema';
import { readPage } from '../../../lib/sites';
import { PARSE_TIMEOUT, RECONSTRUCTED, loadCapture, parseHtml } from './load-capture';

// The two logged-in talent searches of 2022 (../shared/fixtures/SOURCES.md): 10 cards each, no
// profile links; the id sits in data-qa-freelancer-ciphertext. Values below are what the page shows.
const SEARCH = 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=';
type Row = [key: string, name: string, rateUsd: number, country: string];
const PAGES: [file: string, rows: Row[]][] = [
  [
    'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html',
    [
      ['~0121b1ee7c083a7762', 'Anton W.', 5, 'China'],
      ['~01b7f3eb1cb984e0bb', 'Tetiana P.', 20, 'Ukraine'],
      ['~01662a1914bdaeb31e', 'Misha P.', 15, 'Ukraine'],
      ['~01db05e56623761f8c', 'Deyanira S.', 20, 'Mexico'],
      ['~01e4a2e500a8fd6843', 'Carolina L.', 60, 'Argentina'],
      ['~01af8871f720e026a9', 'Athena R.', 40, 'United States'],
      ['~018486b954bbabdd7d', 'Oksana H.', 35, 'Ukraine'],
      ['~01632b2c0519070e35', 'Rafik I.', 13, 'Egypt'],
      ['~01bdd70459a737def8', 'Dakata D.', 50, 'Bulgaria'],
      ['~01b9cc26c2197037ce', 'Yevheniy Z.', 20, 'Ukraine'],
    ],
  ],
  [
    'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html',
    [
      ['~0176e4a399594467c1', 'David M.', 3, 'Venezuela'],
      ['~0189deec22e2da3b87', 'Elizabeth C.', 25, 'Costa Rica'],
      ['~01eb532167edda5a76', 'Roberta G.', 10, 'Italy'],
      ['~01ee2e37325549bc5c', 'Layna C.', 30, 'Brazil'],
      ['~018e5b2c0977096f58', 'Tiago L.', 15, 'Portugal'],
      ['~01586d9ea8d32e70a8', 'Shrouk E.', 13, 'Egypt'],
      ['~01fde5b03c6bf8039b', 'María Yuri Nakanouchi Q.', 40, 'Bolivia'],
      ['~016412e90a20ca88fa', 'Erisca S.', 70, 'Indonesia'],
      ['~0151e96c456880c192', 'Mahmoud H.', 50, 'Egypt'],
      ['~01ea4489dcf4906e7f', 'Dansel Jhoy S.', 6, 'Philippines'],
    ],
  ],
];

const asRead = (r: Row) => ({
  key: `upwork:${r[0]}`,
  name: r[1],
  rate: { amountMinor: r[2] * 100, currency: 'USD', unit: 'hour' },
  location: r[3],
});

describe.each(PAGES)('Upwork talent search 2022: %s', { timeout: PARSE_TIMEOUT }, (file, rows) => {
  it('finds the 10 cards with the right key, name, hourly rate and country', () => {
    const r = readPage(new URL(SEARCH), loadCapture(file, SEARCH));
    expect(r?.profile).toBeNull();
    const got = r!.cards.map((c) => ({ key: c.profile.key, name: c.profile.name, rate: c.profile.rate, location: c.profile.location }));
    expect(got).toEqual(rows.map(asRead));
    for (const c of r!.cards) {
      expect(ProfileSnapshotSchema.safeParse(c.profile).success).toBe(true);
      expect(c.profile.profileUrl).toBe(`https://www.upwork.com/freelancers/${c.profile.siteId}`);
      // One card per element, and no card element holds another card.
      for (const o of r!.cards) if (o !== c) expect(c.element.contains(o.element)).toBe(false);
      expect(c.element.querySelector('[data-qa="rate"]')).not.toBeNull();
    }
  });

  it('reads Job Success where the card shows it, and only there', () => {
    const r = readPage(new URL(SEARCH), loadCapture(file, SEARCH));
    for (const c of r!.cards) {
      const shown = c.element.querySelector('[data-qa="jss"]')?.textContent?.match(/(\d+)%/)?.[1];
      expect(c.profile.jobSuccess, c.profile.name).toBe(shown === undefined ? undefined : Number(shown));
    }
    expect(r!.cards.filter((c) => c.profile.jobSuccess !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('still finds >= 9 of 10 cards with every class name changed', () => {
    const r = readPage(new URL(SEARCH), loadCapture(file, SEARCH, 'renamed-classes'));
    const byKey = new Map(r!.cards.map((c) => [c.profile.key, c.profile]));
    const right = rows.filter(
      (row) => byKey.get(`upwork:${row[0]}`)?.name === row[1] && byKey.get(`upwork:${row[0]}`)?.location === row[3],
    );
    expect(right.length).toBeGreaterThanOrEqual(9);
  });
});

describe('DESIGN.md rule 7: each capture read as the profile of each card it holds', { timeout: PARSE_TIMEOUT }, () => {
  // Clicking a card opens its profile in a slider at this URL; the page still holds every card.
  const ALL = PAGES.flatMap(([file, rows]) => rows.map((row) => [file, row] as const));
  it('covers all 20 cards', () => expect(ALL).toHaveLength(20));

  it.each(ALL)('%s as the profile of %s: its own name or none', (file, row) => {
    const url = `https://www.upwork.com/ab/profiles/search/details/${row[0]}/profile`;
    const r = readPage(new URL(url), loadCapture(file, url));
    const p = r!.profile!;
    expect(p.key).toBe(`upwork:${row[0]}`);
    expect([row[1], row[0]]).toContain(p.name); // no name read falls back to the id
    const others = PAGES.flatMap(([, rs]) => rs).filter((o) => o[0] !== row[0]);
    for (const o of others) {
      expect(p.name).not.toBe(o[1]);
      expect(JSON.stringify(p)).not.toContain(o[0].slice(1));
    }
    if (p.location !== undefined) expect(p.location).toBe(row[3]);
    if (p.rate !== undefined) expect(p.rate.amountMinor).toBe(row[2] * 100);
    // The slider's contractor is not also one of the page's cards.
    expect(r!.cards.map((c) => c.profile.key)).not.toContain(p.key);
    expect(r!.cards).toHaveLength(9);
  });
});

describe("today's /nx/search/talent/ tiles (reconstructed: tests/fixtures/reconstructed/upwork-talent-search-nx.html)", () => {
  // Rests on the data-test hooks public scraper code reads on the live page (listed in the file's
  // header): FreelancerTile + data-test-key, the UpLink name link, FreelancerTileRate, location, job success.
  const URL_ = 'https://www.upwork.com/nx/search/talent/?q=klaviyo';
  const html = () => readFileSync(path.join(RECONSTRUCTED, 'upwork-talent-search-nx.html'), 'utf8');

  it('one card per tile, key from data-test-key / the link, fields from the data-test hooks; header and footer links are no cards', () => {
    const r = readPage(new URL(URL_), parseHtml(html(), URL_));
    expect(r?.profile).toBeNull();
    expect(r?.cards.map((c) => c.element.getAttribute('data-test'))).toEqual(['FreelancerTile', 'FreelancerTile', 'FreelancerTile']);
    expect(r?.cards.map((c) => c.profile)).toMatchObject([
      {
        key: 'upwork:~01aa11bb22cc33dd44',
        name: 'Ana K.',
        headline: 'Klaviyo flows for Shopify stores',
        location: 'Poland',
        rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' },
        jobSuccess: 98,
      },
      {
        key: 'upwork:~01bb22cc33dd44ee55',
        name: 'Luis M.',
        location: 'Mexico',
        rate: { amountMinor: 3000, currency: 'USD', unit: 'hour' },
      },
      {
        key: 'upwork:~01cc33dd44ee55ff66',
        name: 'Mei T.',
        location: 'Singapore',
        rate: { amountMinor: 8500, currency: 'USD', unit: 'hour' },
        jobSuccess: 100,
      },
    ]);
    expect(r?.cards[1]?.profile.jobSuccess).toBeUndefined();
    expect(r?.cards[0]?.profile.profileUrl).toBe('https://www.upwork.com/freelancers/~01aa11bb22cc33dd44');
  });

  it('with a slider open, the profile is read from the slider only; with none, from its own tile only', () => {
    const slider = 'https://www.upwork.com/nx/search/talent/details/~01bb22cc33dd44ee55/profile';
    const open = parseHtml(
      html().replace(
        '</main>',
        '<div class="up-slider"><div class="up-slider-content" tabindex="-1"><h1>Luis M.</h1><span itemprop="country-name">Mexico</span></div></div></main>',
      ),
      slider,
    );
    const a = readPage(new URL(slider), open)!;
    expect(a.profile).toMatchObject({ key: 'upwork:~01bb22cc33dd44ee55', name: 'Luis M.', location: 'Mexico' });
    expect(a.cards.map((c) => c.profile.key)).toEqual(['upwork:~01aa11bb22cc33dd44', 'upwork:~01cc33dd44ee55ff66']);
    const b = readPage(new URL(slider), parseHtml(html(), slider))!;
    expect(b.profile).toMatchObject({ key: 'upwork:~01bb22cc33dd44ee55', name: 'Luis M.', rate: { amountMinor: 3000 } });
  });

  it("a slider of someone who is not on the list gives the key and no one else's fields", () => {
    const slider = 'https://www.upwork.com/nx/search/talent/details/~01abcdefabcdefabcd/profile';
    const r = readPage(new URL(slider), parseHtml(html(), slider))!;
    expect(r.profile).toEqual({
      key: 'upwork:~01abcdefabcdefabcd',
      site: 'upwork',
      siteId: '~01abcdefabcdefabcd',
      name: '~01abcdefabcdefabcd',
      profileUrl: 'https://www.upwork.com/freelancers/~01abcdefabcdefabcd',
    });
  });
});

describe('any other list of freelancers (reconstructed: upwork-applicants.html)', () => {
  // Rests on one fact: a freelancer's id is the ~01… ciphertext of their profile URL.
  const URL_ = 'https://www.upwork.com/ab/applicants/1411111111111111111/applicants';
  it('a card per ciphertext, in a link or a data attribute; its container holds only that id', () => {
    const r = readPage(new URL(URL_), parseHtml(readFileSync(path.join(RECONSTRUCTED, 'upwork-applicants.html'), 'utf8'), URL_))!;
    expect(r.profile).toBeNull();
    expect(r.cards.map((c) => [c.profile.key, c.profile.name, c.profile.rate?.amountMinor])).toEqual([
      ['upwork:~01aa11bb22cc33dd44', 'Ana K.', 4500],
      ['upwork:~01dd44ee55ff66aa77', 'Omar S.', 2500],
      ['upwork:~01cc33dd44ee55ff66', 'Mei T.', 8500],
    ]);
    for (const c of r.cards) expect(c.element.className).toBe('r1a');
  });
});

describe('a slider that lists similar freelancers', () => {
  it('reads the profile from the slider, leaving the similar freelancers out', () => {
    const url = 'https://www.upwork.com/nx/search/talent/details/~01bb22cc33dd44ee55/profile';
    const html = readFileSync(path.join(RECONSTRUCTED, 'upwork-talent-search-nx.html'), 'utf8').replace(
      '</main>',
      '<div class="up-slider" role="dialog"><div class="up-slider-content"><h1>Luis M.</h1>' +
        '<section><h2>Similar freelancers</h2><div><a href="/freelancers/~01ddddeeee11112222"><h1>Zoe Q.</h1></a><span itemprop="country-name">Chile</span></div></section></div></div></main>',
    );
    const r = readPage(new URL(url), parseHtml(html, url))!;
    expect(r.profile).toMatchObject({ key: 'upwork:~01bb22cc33dd44ee55', name: 'Luis M.' });
    expect(r.profile?.location).toBeUndefined();
    expect(r.cards.map((c) => c.profile.key)).toContain('upwork:~01ddddeeee11112222');
  });
});
