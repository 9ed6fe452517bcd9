/**
 * Real marketplace captures served at their real URLs, so content-script `matches` and adapters
 * run exactly as on the live site. Browser-neutral: ./chromium.ts and ./firefox.ts turn a
 * `RouteDecision` into a Playwright route or a Puppeteer request answer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isMarketplaceUrl } from '../../../lib/sites/matches';
import { fixturesDir } from './paths';

/** Every capture in ../shared/fixtures with the URL it was taken from (see SOURCES.md there). */
export const FIXTURES = {
  upworkProfile: {
    url: 'https://www.upwork.com/freelancers/~01140923f209578a6b',
    file: 'upwork/freelancer-profile_visitor_ssr_01140923f209578a6b_2026-06.html',
  },
  fiverrSeller: {
    url: 'https://www.fiverr.com/tonigdesign',
    file: 'fiverr/seller-profile_tonigdesign_2025-08.html',
  },
  fiverrGig: {
    url: 'https://www.fiverr.com/vpross/create-a-top-quality-retro-vintage-logo-for-you',
    file: 'fiverr/gig-page_vpross_retro-vintage-logo_2025-08.html',
  },
  fiverrSearch: {
    url: "https://www.fiverr.com/search/gigs?query=writer's%20block",
    file: 'fiverr/search-gigs_writers-block_2025-09.html',
  },
  fiverrTagListing: {
    url: 'https://www.fiverr.com/gigs/1000-seo-backlinks',
    file: 'fiverr/tag-listing_gigs-1000-seo-backlinks_2025-09.html',
  },
  fiverrCategory: {
    url: 'https://www.fiverr.com/categories/graphics-design/creative-logo-design',
    file: 'fiverr/category-listing_creative-logo-design_2025-08.html',
  },
  freelancerProfile: {
    url: 'https://www.freelancer.com/u/irfan811',
    file: 'freelancer/user-profile_irfan811_2021-12.html',
  },
  freelancerAgencyProfile: {
    url: 'https://www.freelancer.com/u/acewebexperts',
    file: 'freelancer/user-profile_acewebexperts_2021-12.html',
  },
  upworkSearch2022a: {
    url: 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=',
    file: 'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-16.html',
  },
  upworkSearch2022b: {
    url: 'https://www.upwork.com/ab/profiles/search/?nbs=1&q=',
    file: 'upwork/talent-search_ab-profiles-search_loggedin-freelancer_2022-01-24.html',
  },
  freelancerDirectory: {
    url: 'https://www.freelancer.com/freelancers/skills/wordpress/1',
    file: 'freelancer/directory_skills-wordpress_page1_2021-12.html',
  },
} as const satisfies Record<string, { url: string; file: string }>;

export type FixtureName = keyof typeof FIXTURES;

/**
 * What to serve at a URL: a named capture, a capture file (relative to the fixtures dir), HTML, or
 * any other file as it is (an image: no scripts injected, no CSP).
 */
export type PageSource = { fixture: FixtureName } | { file: string } | { html: string } | { bytes: Buffer; contentType: string };

export interface MarketRoutesOptions {
  /** Extra or overriding pages by URL (query string and trailing slash ignored when matching). */
  pages?: Record<string, PageSource>;
  /** Script sources run first in every served page (before any page content), e.g. a recorder. */
  inject?: string[];
  /**
   * Serve pages with `Content-Security-Policy: script-src 'nonce-…'` (default true): a leftover
   * inline handler in a capture cannot run, the injected scripts can. Content scripts are exempt.
   */
  csp?: boolean;
}

export type RouteDecision =
  | { kind: 'page'; url: string; status: 200; headers: Record<string, string>; body: string | Buffer }
  | { kind: 'not-found'; url: string }
  | { kind: 'blocked'; url: string }
  | { kind: 'pass'; url: string };

/**
 * Mutable routing table shared by every page of one browser session: tests may add pages or
 * scripts to inject at any time, and read which requests were answered or blocked.
 */
export class MarketRoutes {
  readonly pages = new Map<string, PageSource>();
  readonly inject: string[];
  readonly csp: boolean;
  /** Every decision in order: lets a test prove nothing left the machine or a page was served. */
  readonly log: RouteDecision[] = [];
  private readonly nonce = crypto.randomBytes(12).toString('base64url');

  constructor(options: MarketRoutesOptions = {}) {
    for (const fixture of Object.values(FIXTURES)) this.pages.set(routeKey(fixture.url), { file: fixture.file });
    for (const [url, source] of Object.entries(options.pages ?? {})) this.serve(url, source);
    this.inject = [...(options.inject ?? [])];
    this.csp = options.csp ?? true;
  }

  /** Serve `source` at `url` (overrides a capture at the same URL). */
  serve(url: string, source: PageSource): void {
    this.pages.set(routeKey(url), source);
  }

  decide(url: string): RouteDecision {
    const decision = this.decideUnlogged(url);
    this.log.push(
      decision.kind === 'page'
        ? { ...decision, body: `(${decision.body.length} ${typeof decision.body === 'string' ? 'chars' : 'bytes'})` }
        : decision,
    );
    return decision;
  }

  /** URLs that were blocked because they were neither marketplace nor extension/local URLs. */
  blocked(): string[] {
    return this.log.filter((d) => d.kind === 'blocked').map((d) => d.url);
  }

  private decideUnlogged(url: string): RouteDecision {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'blocked', url };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'pass', url };
    // Other sites stay blocked unless a test served a page there (a contractor's own website).
    if (!isMarketplaceUrl(parsed) && !this.pages.has(routeKey(parsed))) return { kind: 'blocked', url };
    const source = this.pages.get(routeKey(parsed));
    if (!source) return { kind: 'not-found', url };
    if ('bytes' in source)
      return {
        kind: 'page',
        url,
        status: 200,
        headers: { 'content-type': source.contentType, 'cache-control': 'no-store' },
        body: source.bytes,
      };
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (this.csp) headers['content-security-policy'] = `script-src 'nonce-${this.nonce}'; object-src 'none'`;
    return { kind: 'page', url, status: 200, headers, body: this.render(source) };
  }

  private render(source: Exclude<PageSource, { bytes: Buffer }>): string {
    const html = 'html' in source ? source.html : readCapture('fixture' in source ? FIXTURES[source.fixture].file : source.file);
    const scripts = this.inject.map((code) => `<script nonce="${this.nonce}">${code}</script>`).join('');
    return injectAtHeadStart(stripPageScripts(html), scripts);
  }
}

/** A fixture name's URL, or the URL itself. */
export function targetUrl(target: FixtureName | string): string {
  return target in FIXTURES ? FIXTURES[target as FixtureName].url : target;
}

/** Matching key: lower-case host + path without trailing slash; query and hash are ignored. */
export function routeKey(url: string | URL): string {
  const u = typeof url === 'string' ? new URL(url) : url;
  const pathname = decodeURIComponent(u.pathname).replace(/\/+$/, '') || '/';
  return `${u.hostname.toLowerCase()}${pathname}`;
}

const captureCache = new Map<string, string>();

/** A capture's text (cached: the Fiverr pages are 1.5–3.5 MB). */
export function readCapture(file: string): string {
  let html = captureCache.get(file);
  if (html === undefined) {
    html = fs.readFileSync(path.join(fixturesDir(), file), 'utf8');
    captureCache.set(file, html);
  }
  return html;
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const DATA_TYPE = /\btype\s*=\s*["']?application\/(?:ld\+)?json["'\s>]/i;

/**
 * Drops a capture's executable scripts (they would call the real site, which is unreachable
 * here) and keeps the data ones (`application/json`, `application/ld+json`) adapters read.
 */
export function stripPageScripts(html: string): string {
  return html.replace(SCRIPT, (tag, attrs: string) => (DATA_TYPE.test(`${attrs}>`) ? tag : ''));
}

function injectAtHeadStart(html: string, snippet: string): string {
  if (!snippet) return html;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + snippet + html.slice(head.index + head[0].length);
  const htmlTag = /<html\b[^>]*>/i.exec(html);
  if (htmlTag) return html.slice(0, htmlTag.index + htmlTag[0].length) + snippet + html.slice(htmlTag.index + htmlTag[0].length);
  return snippet + html;
}
