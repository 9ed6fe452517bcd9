import type { VettedDb } from '../database';
import { compact, InvalidRecordError, NotFoundError, validate } from '../errors';
import {
  ContractorSchema,
  ProfileSnapshotSchema,
  type Contractor,
  type ContractorStatus,
  type HistoryEntry,
  type ProfileSnapshot,
} from '../schema';
import { removeFromAllLists } from './lists';
import { markChanged } from './settings';

const MAX_HISTORY = 500;
const MAX_LINKS = 50;

export async function getContractor(db: VettedDb, key: string): Promise<Contractor | undefined> {
  return db.contractors.get(key);
}

/** Known contractors among `keys`, in no particular order (unknown keys are left out). */
export async function bulkGetContractors(db: VettedDb, keys: readonly string[]): Promise<Contractor[]> {
  if (keys.length === 0) return [];
  const rows = await db.contractors.bulkGet([...new Set(keys)]);
  return rows.filter((c): c is Contractor => c !== undefined);
}

export interface ContractorQuery {
  status?: ContractorStatus;
  /** Case-insensitive text searched in name, headline, key, tags and skills. */
  query?: string;
  limit?: number;
}

/** Most recently seen first. */
export async function listContractors(db: VettedDb, q: ContractorQuery = {}): Promise<Contractor[]> {
  const limit = q.limit ?? 100;
  const needle = q.query?.trim().toLowerCase();
  const matches = (c: Contractor) =>
    !needle || [c.name, c.headline ?? '', c.key, ...c.tags, ...(c.skills ?? [])].some((s) => s.toLowerCase().includes(needle));
  if (q.status) {
    const rows = await db.contractors.where('status').equals(q.status).filter(matches).toArray();
    return rows.sort((a, b) => b.lastSeenAt - a.lastSeenAt).slice(0, limit);
  }
  return db.contractors.orderBy('lastSeenAt').reverse().filter(matches).limit(limit).toArray();
}

/**
 * Recently viewed contractors, newest first: only those whose profile page the user opened
 * (`viewedAt`; a card shortlist, a project form or an import sets none). The viewedAt index holds
 * only rows that have one, so this stays cheap at any size.
 */
export async function recentContractors(db: VettedDb, limit = 8): Promise<Contractor[]> {
  return db.contractors.orderBy('viewedAt').reverse().limit(limit).toArray();
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function trackedValues(s: Pick<ProfileSnapshot, 'rate' | 'marketplaceRating' | 'jobSuccess'>, at: number): HistoryEntry {
  return compact({ at, rate: s.rate, marketplaceRating: s.marketplaceRating, jobSuccess: s.jobSuccess });
}

function appendHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...history, entry];
  // Keep the first observation (the baseline) and the most recent changes.
  return next.length > MAX_HISTORY ? [next[0]!, ...next.slice(next.length - MAX_HISTORY + 1)] : next;
}

export interface UpsertResult {
  contractor: Contractor;
  created: boolean;
  /** Something other than lastSeenAt changed (views need a refresh). */
  changed: boolean;
}

export interface SnapshotOptions {
  /** The user has the contractor's own profile page open (reportPage, Track this page): sets viewedAt. */
  viewed?: boolean;
}

/**
 * Records what the page shows about a contractor. Fields the adapter could not read are left as
 * they were; a name the user typed is never overwritten; rate, rating and job success changes are
 * appended to the history. Only changed fields are written (partial update).
 */
export async function upsertSnapshot(
  db: VettedDb,
  input: ProfileSnapshot,
  now: number,
  options: SnapshotOptions = {},
): Promise<UpsertResult> {
  const snapshot = validate(ProfileSnapshotSchema, input, 'profile');
  return db.transaction('rw', db.contractors, async () => {
    const current = await db.contractors.get(snapshot.key);
    if (!current) {
      const tracked = trackedValues(snapshot, now);
      const contractor = validate(
        ContractorSchema,
        compact({
          ...snapshot,
          name: snapshot.name.trim() || snapshot.siteId,
          status: 'prospect',
          tags: [],
          firstSeenAt: now,
          lastSeenAt: now,
          ...(options.viewed ? { viewedAt: now } : {}),
          history: Object.keys(tracked).length > 1 ? [tracked] : [],
          links: [],
          createdAt: now,
          updatedAt: now,
          // Made by Vetted from the page: any user choice from a backup or another device wins.
          userUpdatedAt: 0,
          pageUpdatedAt: now,
        }),
        'contractor',
      );
      await db.contractors.add(contractor);
      return { contractor, created: true, changed: true };
    }

    const changes: Partial<Contractor> = {};
    const readable = ['site', 'siteId', 'profileUrl', 'headline', 'avatarUrl', 'location', 'skills'] as const;
    for (const field of readable) {
      const value = snapshot[field];
      if (value !== undefined && !sameValue(value, current[field])) Object.assign(changes, { [field]: value });
    }
    // A read name replaces one the user never edited (this also repairs names an older reader took
    // from another contractor's card, issue 13); the id fallback of a page that showed no name never does.
    if (!current.nameEditedByUser && snapshot.name.trim() && snapshot.name !== snapshot.siteId && snapshot.name !== current.name) {
      changes.name = snapshot.name.trim();
    }
    const tracked = ['rate', 'marketplaceRating', 'jobSuccess'] as const;
    const trackedChanged = tracked.filter((f) => snapshot[f] !== undefined && !sameValue(snapshot[f], current[f]));
    if (trackedChanged.length > 0) {
      for (const f of trackedChanged) Object.assign(changes, { [f]: snapshot[f] });
      const merged = { ...current, ...changes };
      changes.history = appendHistory(current.history, trackedValues(merged, now));
    }
    const changed = Object.keys(changes).length > 0;
    if (changed) {
      changes.updatedAt = now;
      changes.pageUpdatedAt = now;
      // A record from before group times: its user fields date from its last update, not from never.
      if (current.userUpdatedAt === undefined) changes.userUpdatedAt = current.updatedAt;
    }
    changes.lastSeenAt = now;
    if (options.viewed) changes.viewedAt = now;
    const contractor = validate(ContractorSchema, { ...current, ...changes }, 'contractor');
    await db.contractors.update(snapshot.key, changes);
    return { contractor, created: false, changed };
  });
}

/** "Track this contractor": creates from a snapshot when unknown, refreshes it otherwise. */
export async function trackContractor(
  db: VettedDb,
  snapshot: ProfileSnapshot,
  now: number,
  options: SnapshotOptions = {},
): Promise<UpsertResult> {
  return db.transaction('rw', db.contractors, db.settings, async () => {
    const result = await upsertSnapshot(db, snapshot, now, options);
    if (result.created) await markChanged(db, now);
    return result;
  });
}

export interface ContractorPatch {
  name?: string;
  status?: ContractorStatus;
  tags?: string[];
  headline?: string;
}

/** Partial update of the user-editable fields; other fields keep what another view saved. */
export async function updateContractor(db: VettedDb, key: string, patch: ContractorPatch, now: number): Promise<Contractor> {
  return db.transaction('rw', db.contractors, db.settings, async () => {
    const current = await db.contractors.get(key);
    if (!current) throw new NotFoundError('This contractor is not in Vetted any more.');
    const changes: Partial<Contractor> = compact({ ...patch, updatedAt: now });
    if (patch.name !== undefined || patch.status !== undefined || patch.tags !== undefined) changes.userUpdatedAt = now;
    if (patch.headline !== undefined) changes.pageUpdatedAt = now;
    if (patch.name !== undefined) {
      changes.name = patch.name.trim();
      changes.nameEditedByUser = true;
    }
    const contractor = validate(ContractorSchema, { ...current, ...changes }, 'contractor');
    await db.contractors.update(key, changes);
    await markChanged(db, now);
    return contractor;
  });
}

/** Marks two profiles as the same person; both sides list each other. */
export async function linkContractors(db: VettedDb, a: string, b: string, now: number): Promise<void> {
  if (a === b) throw new InvalidRecordError('A contractor cannot be linked to itself.');
  await db.transaction('rw', db.contractors, db.settings, async () => {
    const [ca, cb] = await db.contractors.bulkGet([a, b]);
    if (!ca || !cb) throw new NotFoundError('Both contractors must be in Vetted before they can be linked.');
    for (const [self, other] of [
      [ca, b],
      [cb, a],
    ] as const) {
      if (self.links.includes(other)) continue;
      if (self.links.length >= MAX_LINKS) throw new InvalidRecordError(`${self.name} already has ${MAX_LINKS} linked profiles.`);
      await db.contractors
        .where('key')
        .equals(self.key)
        .modify((c) => {
          if (!c.links.includes(other)) c.links.push(other);
          c.updatedAt = now;
          c.userUpdatedAt = now;
        });
    }
    await markChanged(db, now);
  });
}

export async function unlinkContractors(db: VettedDb, a: string, b: string, now: number): Promise<void> {
  await db.transaction('rw', db.contractors, db.settings, async () => {
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await db.contractors
        .where('key')
        .equals(self)
        .modify((c) => {
          c.links = c.links.filter((k) => k !== other);
          c.updatedAt = now;
          c.userUpdatedAt = now;
        });
    }
    await markChanged(db, now);
  });
}

/**
 * Deletes a contractor with their checks, their ratings and the notes that are only about them.
 * Projects are the user's money records, so they stay: they lose the contractorKey, and notes that
 * also belong to a project stay on that project. Other profiles' links to this one are removed.
 */
export async function deleteContractor(db: VettedDb, key: string, now: number): Promise<boolean> {
  return db.transaction('rw', [db.contractors, db.checks, db.notes, db.ratings, db.projects, db.lists, db.settings], async () => {
    const current = await db.contractors.get(key);
    const checks = await db.checks.where('contractorKey').equals(key).count();
    const notes = await db.notes.where('contractorKey').equals(key).count();
    const ratings = await db.ratings.where('contractorKey').equals(key).count();
    const projects = await db.projects.where('contractorKey').equals(key).count();
    if (!current && checks + notes + ratings + projects === 0) return false;
    await db.checks.where('contractorKey').equals(key).delete();
    await db.ratings.where('contractorKey').equals(key).delete();
    await db.notes
      .where('contractorKey')
      .equals(key)
      .filter((n) => n.projectId === undefined)
      .delete();
    await db.notes
      .where('contractorKey')
      .equals(key)
      .modify((n) => {
        delete n.contractorKey;
        n.updatedAt = now;
      });
    await db.projects
      .where('contractorKey')
      .equals(key)
      .modify((p) => {
        delete p.contractorKey;
        p.updatedAt = now;
      });
    if (current) {
      await db.contractors
        .where('key')
        .anyOf(current.links)
        .modify((c) => {
          c.links = c.links.filter((k) => k !== key);
        });
      await db.contractors.delete(key);
    }
    await removeFromAllLists(db, key, now);
    await markChanged(db, now);
    return true;
  });
}
