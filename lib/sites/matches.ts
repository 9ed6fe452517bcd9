import type { MarketplaceId } from '../db/schema';

/** Each marketplace's registrable domains (any subdomain belongs to it). One list for manifest, router and adapters' scripts. */
const SITE_HOSTS = {
  upwork: ['upwork.com'],
  fiverr: ['fiverr.com'],
  freelancer: ['freelancer.com'],
  peopleperhour: ['peopleperhour.com'],
  guru: ['guru.com'],
  toptal: ['toptal.com'],
  contra: ['contra.com'],
  malt: ['malt.com', 'malt.fr', 'malt.de', 'malt.es', 'malt.nl', 'malt.be', 'malt.ch', 'malt.uk'],
} as const satisfies Record<MarketplaceId, readonly string[]>;

const pattern = (host: string) => `*://*.${host}/*`;

/**
 * Match patterns of one marketplace's content script: each site gets its own script with only
 * its own adapter, so a page never downloads or parses the other four.
 */
export function siteMatches(site: MarketplaceId): string[] {
  return SITE_HOSTS[site].map(pattern);
}

/** Match patterns of every marketplace (where the overlay page may be framed). */
const HOSTS: readonly string[] = Object.values(SITE_HOSTS).flat();

export const MARKETPLACE_MATCHES: readonly string[] = HOSTS.map(pattern);

/** The registrable domains of one marketplace (its adapter's `hosts` must be exactly these). */
export function siteHosts(site: MarketplaceId): readonly string[] {
  return SITE_HOSTS[site];
}

/** True when `url` is on one of the supported marketplaces (https or http, any subdomain). */
export function isMarketplaceUrl(url: string | URL | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  const host = u.hostname.toLowerCase();
  return HOSTS.some((h) => host === h || host.endsWith('.' + h));
}
