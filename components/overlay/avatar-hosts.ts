/**
 * Issue 12 (third-party avatars): the overlay loads an avatar only from the marketplace's own image
 * hosts; any other address the page put in its markup (a tracking pixel) gives initials instead.
 * Pure: the overlay's Avatar and its tests use it.
 */
import type { SiteId } from '../../lib/db/schema';

/** Host suffixes each marketplace serves its profile pictures from (seen in the captures). */
const IMAGE_HOSTS: Record<string, readonly string[]> = {
  upwork: ['upwork.com', 'static-upwork.com', 'upwork-usw2-prod-assets-static.s3.us-west-2.amazonaws.com'],
  fiverr: ['fiverr.com', 'fiverr-res.cloudinary.com', 'fiverrcdn.com'],
  freelancer: ['freelancer.com', 'f-cdn.com'],
  peopleperhour: ['peopleperhour.com', 'pphcdn.com'],
  guru: ['guru.com'],
};

function hostMatches(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/** The avatar URL when it is https on the contractor's own marketplace's image hosts, else null. */
export function trustedAvatarUrl(url: string | undefined, site: SiteId): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
  const hosts = IMAGE_HOSTS[site];
  if (!hosts) return null;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((h) => hostMatches(host, h)) ? parsed.href : null;
}
