import type { ProfileSnapshot } from '../db/schema';
import { absoluteUrl, canonicalHref } from './util/dom';
import { pageFields } from './util/page-fields';
import { finishSnapshot } from './util/snapshot';

/** `<host><path>`: lower-case host without www, no query, hash or trailing slash. */
export function genericId(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}`;
}

/**
 * Reads a contractor from any page for "Track this page as a contractor" (key `generic:<host><path>`).
 * Returns a snapshot for every http(s) page: the user has said this page is a contractor, so
 * the page title is a good enough name when nothing better is there.
 */
export function readGenericPage(url: URL, doc: Document): ProfileSnapshot | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const canonical = absoluteUrl(canonicalHref(doc), url);
  // Trust the canonical link only on the same host: a page must not file itself under another site.
  const page = new URL(canonical && canonical.hostname === url.hostname ? canonical.href : url.href);
  page.search = '';
  page.hash = '';
  return finishSnapshot('generic', genericId(page), page.href, pageFields(doc, url));
}
