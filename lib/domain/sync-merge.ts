/**
 * The one merge of two versions of a record (DESIGN.md "Sync"), used by the sync when it applies a
 * remote chunk and by the backup import. Pure: plain values in, a decision out.
 *
 * - The higher version (v, d) wins. Every device decides the same, whichever copy is its own.
 * - Contractors and settings merge field groups apart (lib/domain/merge.ts), each group by its own
 *   version (`g`): what Vetted read from a marketplace page never fights the user's own fields, and
 *   settings merge key by key, checklist items by union. A result unlike both copies is a new write.
 * - The losing version is kept as a conflict only when both sides really edited: not when the
 *   winner replaced it knowingly (its base, or a later write of the same device), not when the two
 *   copies are equal, not for a group the loser only inherited from a version the winner had seen.
 * - A tombstone is a version like any other: a delete newer than an edit wins and keeps the edit as
 *   a conflict; an edit newer than a delete brings the record back. A record made again after a
 *   delete (`g.born`) is never field-merged with versions older than that delete.
 */
import type { Contractor, Settings } from '../db/schema';
import { mergeContractor, mergeSettings, pageTime, sameValue, SETTINGS_KEYS, settingsKeyTime, userTime } from './merge';

type Row = Record<string, unknown>;
export type Version = [v: number, d: string];

/** A version of one record as the merge sees it (a sync record or an index row with its row). */
export interface Versioned {
  table: string;
  v: number;
  d: string;
  /** null: a tombstone. */
  row: Row | null;
  base?: Version;
  g?: Record<string, number>;
}

export interface SyncMergeDecision {
  /** 'keep': ours stays as it is; 'take': theirs is stored as it is; 'merge': `row`/`g` as a new version. */
  action: 'keep' | 'take' | 'merge';
  row?: Row;
  g?: Record<string, number>;
  /**
   * The losing versions, to keep in conflicts: usually the lower one; for field-merged tables also
   * the higher one, when a group or key of it lost to a newer edit in the lower version.
   */
  conflicts?: Versioned[];
}

export type SyncMerge = (ours: Versioned | undefined, theirs: Versioned) => SyncMergeDecision;

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A merged result's device part: '~' and a hash (device ids are [a-z0-9], never '~'). */
const isMerged = (x: { d: string }) => x.d.startsWith('~');

/** JSON with object keys sorted: the same content prints alike whatever order its fields were set in. */
function canonicalText(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The version of a merged result, a function of what it holds rather than of the path that led to
 * it: just above the highest plain edit among its inputs (a merged input counts as its own plain
 * edit plus one already), named after its content. Two devices, or a new device catching up on
 * the chunks in another order, that arrive at the same record write the very same version: nothing
 * to settle between them, nothing restamped.
 */
export function mergedVersion(
  a: { v: number; d: string },
  b: { v: number; d: string },
  content: { row: Row; g?: Record<string, number> },
): { v: number; d: string } {
  const above = (x: { v: number; d: string }) => (isMerged(x) ? x.v : x.v + 1);
  const text = canonicalText({ row: content.row, g: content.g ?? null });
  return { v: Math.max(above(a), above(b)), d: `~${fnv(text, 0x811c9dc5)}${fnv(text, 0x01234567)}` };
}

export function compareVersions(a: { v: number; d: string }, b: { v: number; d: string }): number {
  if (a.v !== b.v) return a.v - b.v;
  return a.d < b.d ? -1 : a.d > b.d ? 1 : 0;
}

/** The winner was written by a device that had the loser: the loser is its ancestor. */
export function replacedKnowingly(hi: Versioned, lo: Versioned): boolean {
  if (hi.d === lo.d && hi.d !== '') return true;
  return hi.base !== undefined && hi.base[0] === lo.v && hi.base[1] === lo.d;
}

/** The winner's writer had seen `version`. */
function sawVersion(hi: Versioned, version: Version): boolean {
  if (hi.d === version[1] && hi.d !== '' && hi.v > version[0]) return true;
  return hi.base !== undefined && hi.base[0] === version[0] && hi.base[1] === version[1];
}

/**
 * The loser's group with version `gv` was not changed since its base, which the winner saw: the
 * loser only carried what the winner already knew, so nothing of the loser's own is lost there.
 */
function inherited(hi: Versioned, lo: Versioned, gv: number): boolean {
  return lo.base !== undefined && gv <= lo.base[0] && sawVersion(hi, lo.base);
}

// ---------------------------------------------------------------- contractors

const groupOf = (x: Versioned, id: 'u' | 'p'): number => {
  const c = x.row as unknown as Contractor;
  return x.g?.[id] ?? (id === 'u' ? userTime(c) : pageTime(c));
};

const userPart = (c: Row) => ({
  status: c.status,
  tags: c.tags,
  links: c.links,
  nameEditedByUser: c.nameEditedByUser === true,
  name: c.nameEditedByUser ? c.name : undefined,
});

function setOrDrop(row: Row, field: string, value: unknown): void {
  if (value === undefined) delete row[field];
  else row[field] = value;
}

/** A field merge: the result, its group versions, and which side lost an edit of its own. */
interface FieldMerge {
  row: Row;
  g: Record<string, number>;
  lostLo: boolean;
  lostHi: boolean;
}

function mergeContractors(hi: Versioned, lo: Versioned): FieldMerge {
  const [hu, hp, lu, lp] = [groupOf(hi, 'u'), groupOf(hi, 'p'), groupOf(lo, 'u'), groupOf(lo, 'p')];
  const timed = (x: Versioned, u: number, p: number) => ({ ...(x.row as unknown as Contractor), userUpdatedAt: u, pageUpdatedAt: p });
  // mergeContractor keeps "ours" on a tie: the higher version is ours, so every device agrees.
  const row = mergeContractor(timed(hi, hu, hp), timed(lo, lu, lp)).value as unknown as Row;
  // The rows keep their own wall-clock group times; the versions travel in `g`.
  setOrDrop(row, 'userUpdatedAt', (lu > hu ? lo : hi).row!.userUpdatedAt);
  setOrDrop(row, 'pageUpdatedAt', (lp > hp ? lo : hi).row!.pageUpdatedAt);
  // The higher version can lose too: its user fields older than the lower one's (it was written
  // later for another reason, the page read again), which were changed by another device.
  const lostLo = !sameValue(userPart(lo.row!), userPart(row)) && !inherited(hi, lo, lu);
  const lostHi = lu > hu && !sameValue(userPart(hi.row!), userPart(row)) && !inherited(lo, hi, hu);
  return { row, g: { u: Math.max(hu, lu), p: Math.max(hp, lp) }, lostLo, lostHi };
}

// ---------------------------------------------------------------- settings

const keyVersion = (x: Versioned, k: (typeof SETTINGS_KEYS)[number]): number =>
  x.g?.[k] ?? settingsKeyTime(x.row as unknown as Settings, k);

/** Settings the user chose that have no time of their own: they travel with the whole row. */
const UNTIMED = ['clientName', 'interviewKits'] as const;

function mergeSettingsRows(hi: Versioned, lo: Versioned): FieldMerge {
  const timed = (x: Versioned): Settings => ({
    ...(x.row as unknown as Settings),
    fieldUpdatedAt: Object.fromEntries(SETTINGS_KEYS.map((k) => [k, keyVersion(x, k)])),
  });
  const row = mergeSettings(timed(hi), timed(lo)).value as unknown as Row;
  const times: Record<string, number> = {};
  const g: Record<string, number> = {};
  let lostLo = false;
  let lostHi = false;
  for (const k of SETTINGS_KEYS) {
    const [h, l] = [keyVersion(hi, k), keyVersion(lo, k)];
    const winner = l > h ? lo : hi;
    const t = (winner.row!.fieldUpdatedAt as Record<string, number> | undefined)?.[k];
    if (t !== undefined) times[k] = t;
    if (Math.max(h, l) > 0) g[k] = Math.max(h, l);
    if (!sameValue(lo.row![k], row[k]) && !inherited(hi, lo, l)) lostLo = true;
    if (l > h && !sameValue(hi.row![k], row[k]) && !inherited(lo, hi, h)) lostHi = true;
  }
  if (hi.row!.fieldUpdatedAt || lo.row!.fieldUpdatedAt) row.fieldUpdatedAt = times;
  else delete row.fieldUpdatedAt;
  // Without a time of their own these can't tell an edit from an inherited value: a difference is kept.
  for (const k of UNTIMED) if (!sameValue(lo.row![k], row[k])) lostLo = true;
  return { row, g, lostLo, lostHi };
}

// ---------------------------------------------------------------- the merge

const FIELD_MERGED: Record<string, (hi: Versioned, lo: Versioned) => FieldMerge> = {
  contractors: mergeContractors,
  settings: mergeSettingsRows,
};

export const mergeVersions: SyncMerge = (ours, theirs) => {
  if (!ours) return { action: 'take' };
  const order = compareVersions(ours, theirs);
  if (order === 0) return { action: 'keep' };
  const [hi, lo] = order > 0 ? [ours, theirs] : [theirs, ours];
  const winner: SyncMergeDecision['action'] = hi === ours ? 'keep' : 'take';
  const fields = FIELD_MERGED[hi.table];
  // The winner was made again after a delete newer than the loser: the loser's life ended there.
  const sameLife = lo.v >= (hi.g?.born ?? -1);
  if (fields && hi.row && lo.row && sameLife) {
    const merged = fields(hi, lo);
    const born = Math.max(hi.g?.born ?? -1, lo.g?.born ?? -1);
    if (born >= 0) merged.g.born = born;
    const decision: SyncMergeDecision = sameValue(merged.row, hi.row)
      ? { action: winner }
      : { action: 'merge', row: merged.row, g: merged.g };
    const conflicts = [
      ...(merged.lostLo && !replacedKnowingly(hi, lo) ? [lo] : []),
      ...(merged.lostHi && !replacedKnowingly(lo, hi) ? [hi] : []),
    ];
    if (conflicts.length) decision.conflicts = conflicts;
    return decision;
  }
  const decision: SyncMergeDecision = { action: winner };
  const comparable = (row: Row) => (hi.table === 'contractors' ? userPart(row) : row);
  const same = hi.row !== null && lo.row !== null && sameValue(comparable(hi.row), comparable(lo.row));
  if (lo.row !== null && !same && !replacedKnowingly(hi, lo)) decision.conflicts = [lo];
  return decision;
};
