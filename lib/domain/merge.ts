/**
 * How two copies of the same record become one: the backup import uses it today, the sync will
 * use it too (DESIGN.md "Sync": one merge function). Pure: plain records in, a plain record out.
 *
 * The rule is "the user's own choices win over what Vetted read or set by itself", each group of
 * fields with its own time:
 * - Contractor: the user's fields (status, tags, a typed name, links) carry `userUpdatedAt`; the
 *   fields read from the marketplace page (rate, rating, headline, …) carry `pageUpdatedAt`. A
 *   record Vetted created by itself from a page has `userUpdatedAt: 0`, so a backed-up "Hired"
 *   beats the fresh "Prospect" however new the page visit. History is a union; first-seen and
 *   created times take the earliest, last-seen the latest.
 * - Settings: each key has its own time (`fieldUpdatedAt`); bookkeeping times take the latest.
 * - Every other record is the user's own: the newer `updatedAt` wins, a tie keeps ours.
 *
 * Records written before these times existed fall back to `updatedAt` for every group.
 */
import type { ChecklistItem, Contractor, HistoryEntry, Settings } from '../db/schema';

export type MergeOutcome = 'ours' | 'theirs' | 'merged';

export interface Merged<T> {
  value: T;
  /** 'ours': nothing of theirs was taken (no write needed). */
  outcome: MergeOutcome;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function outcomeOf<T>(value: T, ours: T, theirs: T): MergeOutcome {
  if (sameValue(value, ours)) return 'ours';
  if (sameValue(value, theirs)) return 'theirs';
  return 'merged';
}

/** A user record (note, check, rating, project, milestone, payment): newer updatedAt wins, tie keeps ours. */
export function mergeRecord<T extends { updatedAt: number }>(ours: T, theirs: T): Merged<T> {
  return theirs.updatedAt > ours.updatedAt ? { value: theirs, outcome: 'theirs' } : { value: ours, outcome: 'ours' };
}

// ---------------------------------------------------------------- contractors

/** Read from the marketplace page. */
export const PAGE_FIELDS = [
  'site',
  'siteId',
  'profileUrl',
  'headline',
  'avatarUrl',
  'location',
  'rate',
  'marketplaceRating',
  'jobSuccess',
  'skills',
] as const satisfies readonly (keyof Contractor)[];

/** Chosen by the user. The name is one too once typed (`nameEditedByUser`). */
export const USER_FIELDS = ['status', 'tags', 'links'] as const satisfies readonly (keyof Contractor)[];

export const userTime = (c: Contractor): number => c.userUpdatedAt ?? c.updatedAt;
export const pageTime = (c: Contractor): number => c.pageUpdatedAt ?? c.updatedAt;

const MAX_HISTORY = 500;

function historyValues(e: HistoryEntry): Omit<HistoryEntry, 'at'> {
  const { at: _at, ...values } = e;
  return values;
}

/** Both histories in time order; an entry that repeats the values before it says nothing new. */
export function mergeHistory(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  const all = [...a, ...b].sort((x, y) => x.at - y.at);
  const out: HistoryEntry[] = [];
  for (const e of all) {
    const last = out[out.length - 1];
    if (last && sameValue(historyValues(last), historyValues(e))) continue;
    out.push(e);
  }
  return out.length > MAX_HISTORY ? [out[0]!, ...out.slice(out.length - MAX_HISTORY + 1)] : out;
}

function pick<T extends object>(source: T, fields: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const f of fields) if (source[f] !== undefined) out[f] = source[f];
  return out;
}

export function mergeContractor(ours: Contractor, theirs: Contractor): Merged<Contractor> {
  const user = userTime(theirs) > userTime(ours) ? theirs : ours;
  const page = pageTime(theirs) > pageTime(ours) ? theirs : ours;
  const other = user === ours ? theirs : ours;
  // A typed name is a user choice: kept unless the winning side typed its own.
  const named = user.nameEditedByUser ? user : other.nameEditedByUser ? other : undefined;

  const value: Contractor = {
    key: ours.key,
    ...pick(page, PAGE_FIELDS),
    name: named ? named.name : page.name,
    ...(named ? { nameEditedByUser: true } : {}),
    status: user.status,
    tags: user.tags,
    links: user.links,
    site: page.site,
    siteId: page.siteId,
    profileUrl: page.profileUrl,
    history: mergeHistory(ours.history, theirs.history),
    firstSeenAt: Math.min(ours.firstSeenAt, theirs.firstSeenAt),
    lastSeenAt: Math.max(ours.lastSeenAt, theirs.lastSeenAt),
    ...(ours.viewedAt !== undefined || theirs.viewedAt !== undefined
      ? { viewedAt: Math.max(ours.viewedAt ?? 0, theirs.viewedAt ?? 0) }
      : {}),
    createdAt: Math.min(ours.createdAt, theirs.createdAt),
    updatedAt: Math.max(ours.updatedAt, theirs.updatedAt),
    userUpdatedAt: Math.max(userTime(ours), userTime(theirs)),
    pageUpdatedAt: Math.max(pageTime(ours), pageTime(theirs)),
  };
  // The group times alone (a record written before they existed) are not a change.
  const strip = ({ userUpdatedAt: _u, pageUpdatedAt: _p, ...rest }: Contractor) => rest;
  return { value, outcome: outcomeOf(strip(value), strip(ours), strip(theirs)) };
}

// ---------------------------------------------------------------- settings

/** Settings keys with their own time: each one merges alone. */
export const SETTINGS_KEYS = [
  'checklist',
  'notifications',
  'dueSoonDays',
  'defaultCurrency',
  'sites',
  'overlayOpen',
] as const satisfies readonly (keyof Settings)[];
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

/** Bookkeeping instants: the latest one is the truth on both sides. */
const LATEST_KEYS = ['lastBackupAt', 'lastRestoreAt', 'lastChangeAt'] as const satisfies readonly (keyof Settings)[];

export function settingsKeyTime(s: Settings, key: SettingsKey): number {
  return s.fieldUpdatedAt ? (s.fieldUpdatedAt[key] ?? 0) : s.updatedAt;
}

/** The schema's cap on checklist items. */
const MAX_CHECKLIST = 200;

/** Items of `winner` in its order, then items only `other` knows (so no check loses its item). */
export function unionChecklist(winner: readonly ChecklistItem[], other: readonly ChecklistItem[]): ChecklistItem[] {
  const ids = new Set(winner.map((i) => i.id));
  return [...winner, ...other.filter((i) => !ids.has(i.id))].slice(0, Math.max(MAX_CHECKLIST, winner.length));
}

export function mergeSettings(ours: Settings, theirs: Settings): Merged<Settings> {
  const value: Settings = { ...ours };
  const times: Partial<Record<SettingsKey, number>> = {};
  for (const key of SETTINGS_KEYS) {
    const [to, tt] = [settingsKeyTime(ours, key), settingsKeyTime(theirs, key)];
    const winner = tt > to ? theirs : ours;
    (value as Record<string, unknown>)[key] = winner[key];
    const t = Math.max(to, tt);
    if (t > 0) times[key] = t;
  }
  const loser = value.checklist === ours.checklist ? theirs : ours;
  const checklist = unionChecklist(value.checklist, loser.checklist);
  if (checklist.length !== value.checklist.length) value.checklist = checklist;
  for (const key of LATEST_KEYS) {
    const t = Math.max(ours[key] ?? 0, theirs[key] ?? 0);
    if (t > 0) value[key] = t;
  }
  if (ours.fieldUpdatedAt || theirs.fieldUpdatedAt) value.fieldUpdatedAt = times;
  value.updatedAt = Math.max(ours.updatedAt, theirs.updatedAt);
  // Bookkeeping alone (times, last backup) is not a change worth a write or a report line.
  const comparable = (s: Settings) => pick(s, SETTINGS_KEYS);
  const outcome = outcomeOf(comparable(value), comparable(ours), comparable(theirs));
  return { value, outcome };
}
