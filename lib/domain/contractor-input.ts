/**
 * A contractor typed by hand in the project form ("someone new"): a name and a profile link →
 * the snapshot `trackContractor` stores. A marketplace link gets the same key the content script
 * would give that profile, so visiting it later finds the same contractor, not a twin.
 */
import type { ProfileSnapshot } from '../db/schema';
import { adapterFor } from '../sites/index';
import { genericId } from '../sites/generic';

export type ContractorInput = { ok: true; profile: ProfileSnapshot } | { ok: false; errors: { name?: string; link?: string } };

function parseLink(text: string): URL | null {
  const t = text.trim();
  if (t === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) return null;
    return url;
  } catch {
    return null;
  }
}

export function readNewContractor(name: string, link: string): ContractorInput {
  const errors: { name?: string; link?: string } = {};
  const cleanName = name.trim();
  if (cleanName === '') errors.name = 'Type their name.';
  else if (cleanName.length > 500) errors.name = 'The name is too long (500 characters at most).';
  const url = parseLink(link);
  if (!url) {
    errors.link = link.trim() === ''
      ? 'Paste the link to their profile, e.g. https://www.upwork.com/freelancers/~01…'
      : `“${link.trim()}” is not a web link. Paste the address of their profile page.`;
  }
  if (!url || errors.name) return { ok: false, errors };
  url.hash = '';
  const adapter = adapterFor(url);
  const id = adapter?.idFromUrl(url) ?? null;
  if (adapter && id) {
    return {
      ok: true,
      profile: { key: `${adapter.site}:${id}`, site: adapter.site, siteId: id, name: cleanName, profileUrl: adapter.profileUrl(id) },
    };
  }
  if (adapter) {
    return { ok: false, errors: { link: 'That is not a profile page. Open their profile and copy its address.' } };
  }
  url.search = '';
  const gid = genericId(url);
  return { ok: true, profile: { key: `generic:${gid}`, site: 'generic', siteId: gid, name: cleanName, profileUrl: url.href } };
}
