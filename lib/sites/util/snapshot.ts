import type { ProfileSnapshot, SiteId } from '../../db/schema';
import { isKey, isMarketplaceRating, isPercent, isRate, isSite, isSkills, isText, isUrl } from './valid';
import type { SnapshotDraft } from '../types';

/** One check per optional field, mirroring ProfileSnapshotSchema (see ./valid.ts for why not zod). */
const OPTIONAL = {
  headline: (v: unknown) => isText(v, 2000),
  avatarUrl: (v: unknown) => isUrl(v, 4000),
  location: (v: unknown) => isText(v, 500),
  rate: isRate,
  marketplaceRating: isMarketplaceRating,
  jobSuccess: isPercent,
  skills: isSkills,
} as const;

function clip(s: string | undefined, max: number): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

/**
 * Turns what an adapter read into a valid ProfileSnapshot. A field that fails the schema is
 * dropped rather than sinking the whole snapshot: the overlay works from key and name alone.
 * Returns null only when the key or profile URL itself is invalid.
 */
export function finishSnapshot(site: SiteId, id: string, profileUrl: string, draft: SnapshotDraft): ProfileSnapshot | null {
  const base = {
    key: `${site}:${id}`,
    site,
    siteId: id,
    name: clip(draft.name, 500) ?? id,
    profileUrl,
  };
  const out: Record<string, unknown> = { ...base };
  const cleaned: SnapshotDraft = {
    ...draft,
    headline: clip(draft.headline, 2000),
    location: clip(draft.location, 500),
    skills: draft.skills
      ?.map((s) => clip(s, 200))
      .filter((s): s is string => !!s)
      .filter((s, i, all) => all.indexOf(s) === i)
      .slice(0, 200),
  };
  if (cleaned.skills?.length === 0) delete cleaned.skills;
  for (const [field, valid] of Object.entries(OPTIONAL)) {
    const v = cleaned[field as keyof typeof OPTIONAL];
    if (v !== undefined && valid(v)) out[field] = v;
  }
  const ok = isKey(base.key) && isSite(site) && isText(base.siteId, 200, 1) && isText(base.name, 500) && isUrl(profileUrl, 2000);
  return ok ? (out as ProfileSnapshot) : null;
}
