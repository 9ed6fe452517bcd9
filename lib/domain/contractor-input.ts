/**
 * A contractor typed by hand in the project form ("someone new"): a name and a profile link →
 * the snapshot `trackContractor` stores. A marketplace link gets the same key the content script
 * would give that profile, so visiting it later finds the same contractor, not a twin.
 */
import type { ProfileSnapshot } from '../db/schema';
import { adapterFor } from '../sites/index';
import { genericId } from '../sites/generic';
import { checkNewContractor } from './new-contractor';

export type ContractorInput = { ok: true; profile: ProfileSnapshot } | { ok: false; errors: { name?: string; link?: string } };

export function readNewContractor(name: string, link: string): ContractorInput {
  const checked = checkNewContractor(name, link);
  if (!checked.ok) return checked;
  const { name: cleanName, url } = checked;
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
