import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites';
import { FIXTURES, PARSE_TIMEOUT, loadCapture } from './load-capture';

// Where each capture was served from (SOURCES.md), so readPage sees the real URL.
const URLS: Record<string, string> = {
  'fiverr/category-listing_creative-logo-design_2025-08.html': 'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
  'fiverr/gig-page_vpross_retro-vintage-logo_2025-08.html': 'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you',
  'fiverr/search-gigs_writers-block_2025-09.html': "https://www.fiverr.com/search/gigs?query=writer's%20block",
  'fiverr/seller-profile_tonigdesign_2025-08.html': 'https://www.fiverr.com/tonigdesign',
  'fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html': 'https://www.fiverr.com/gigs/1000-seo-backlinks',
  'freelancer/directory_skills-wordpress_page1_2021-12.html': 'https://www.freelancer.com/freelancers/skills/wordpress/1',
  'freelancer/user-profile_acewebexperts_2021-12.html': 'https://www.freelancer.com/u/acewebexperts',
  'freelancer/user-profile_irfan811_2021-12.html': 'https://www.freelancer.com/u/irfan811',
  'upwork/freelancer-profile_visitor_ssr_01140923f209578a6b_2026-06.html': 'https://www.upwork.com/freelancers/~01140923f209578a6b',
  'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html': 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=',
  'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html': 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=',
};

const captures = ['fiverr', 'freelancer', 'upwork'].flatMap((d) =>
  readdirSync(path.join(FIXTURES, d))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${d}/${f}`),
);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('readPage speed on every real capture (happy-dom)', { timeout: PARSE_TIMEOUT }, () => {
  it('knows the URL of every capture in ../shared/fixtures', () => {
    expect(captures.filter((c) => !URLS[c])).toEqual([]);
  });

  const largest = [...captures].sort((a, b) => statSync(path.join(FIXTURES, b)).size - statSync(path.join(FIXTURES, a)).size)[0]!;

  it.each(captures)('%s', (file) => {
    const url = new URL(URLS[file]!);
    const doc = loadCapture(file, url.href);
    const t0 = performance.now();
    const first = readPage(url, doc);
    const cold = performance.now() - t0;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      readPage(url, doc);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      wall.push(performance.now() - t);
    }
    const sizeKb = Math.round(statSync(path.join(FIXTURES, file)).size / 1024);
    console.log(
      `[sites speed] ${file} (${sizeKb} KB): first read ${cold.toFixed(1)} ms; warm: best ${Math.min(...wall).toFixed(1)} ms, ` +
        `median ${median(wall).toFixed(1)} ms wall; CPU best ${Math.min(...cpu).toFixed(1)} ms, median ${median(cpu).toFixed(1)} ms; profile ${first?.profile?.key ?? '-'}, ${first?.cards.length ?? 0} cards`,
    );
    expect(first?.site).toBe(url.hostname.split('.')[1]);
    // The budget is for the largest capture; the others are printed for the record.
    // CPU time of this worker, not wall time (on a shared machine wall time mostly measures waiting),
    // and the best run: other load only ever adds to it, so the best run bounds the code's own cost.
    if (file === largest) expect(Math.min(...cpu)).toBeLessThan(10);
  });
});

describe('cards are found in one pass over the links, then a fixed handful of queries per card', { timeout: PARSE_TIMEOUT }, () => {
  /** Counts selector queries made on the document and its elements while `run` runs. */
  function countQueries(doc: Document, run: () => void): number {
    const protos = new Set<object>();
    for (let p: object | null = doc.createElement('div'); p; p = Object.getPrototypeOf(p))
      if (Object.hasOwn(p, 'querySelectorAll')) protos.add(p);
    for (let p: object | null = doc; p; p = Object.getPrototypeOf(p)) if (Object.hasOwn(p, 'querySelectorAll')) protos.add(p);
    let n = 0;
    const restore: (() => void)[] = [];
    for (const proto of protos) {
      for (const m of ['querySelector', 'querySelectorAll', 'closest', 'matches'] as const) {
        if (!Object.hasOwn(proto, m)) continue;
        const original = (proto as Record<string, (...a: unknown[]) => unknown>)[m]!;
        (proto as Record<string, unknown>)[m] = function (this: unknown, ...args: unknown[]) {
          n++;
          return original.apply(this, args);
        };
        restore.push(() => ((proto as Record<string, unknown>)[m] = original));
      }
    }
    try {
      run();
    } finally {
      restore.forEach((r) => r());
    }
    return n;
  }

  it.each(captures.filter((c) => /listing|search|directory/.test(c)))('%s', (file) => {
    const url = new URL(URLS[file]!);
    const doc = loadCapture(file, url.href);
    let cards = 0;
    const queries = countQueries(doc, () => {
      cards = readPage(url, doc)?.cards.length ?? 0;
    });
    console.log(`[sites speed] ${file}: ${cards} cards with ${queries} selector queries`);
    expect(cards).toBeGreaterThan(0);
    expect(queries).toBeLessThanOrEqual(6 * cards + 20);
  });
});
