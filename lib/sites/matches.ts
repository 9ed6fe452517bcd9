/** Match patterns of the marketplaces the content script runs on (one list for manifest and router). */
export const MARKETPLACE_MATCHES = [
  '*://*.upwork.com/*',
  '*://*.fiverr.com/*',
  '*://*.freelancer.com/*',
  '*://*.peopleperhour.com/*',
  '*://*.guru.com/*',
] as const;

const HOSTS = ['upwork.com', 'fiverr.com', 'freelancer.com', 'peopleperhour.com', 'guru.com'];

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
