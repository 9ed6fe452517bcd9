import { ProfileSnapshotSchema, type ProfileSnapshot, type SiteId } from '../../db/schema';
import type { SnapshotDraft } from '../types';

const OPTIONAL = ['headline', 'avatarUrl', 'location', 'rate', 'marketplaceRating', 'jobSuccess', 'skills'] as const;

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
  const shape = ProfileSnapshotSchema.shape;
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
  for (const field of OPTIONAL) {
    const v = cleaned[field];
    if (v === undefined) continue;
    const r = shape[field].safeParse(v);
    if (r.success) out[field] = r.data;
  }
  const parsed = ProfileSnapshotSchema.safeParse(out);
  return parsed.success ? parsed.data : null;
}
