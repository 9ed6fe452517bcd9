/**
 * The local half of sync (issue 11): lib/sync/types.ts `SyncStore` over the Vetted database, and
 * `applyVersions`, the one way versions from elsewhere — a remote chunk or a backup — are merged in
 * (lib/domain/sync-merge.ts). Every method is one transaction; a chunk is merged and its device's
 * cursor advanced in the same one, so applying it twice changes nothing.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { deferNoteWords } from '../note-words';
import type { z } from 'zod';
import { mergedVersion, mergeVersions, type SyncMerge, type Versioned } from '../../domain/sync-merge';
import { SYNCED_TABLES, type ChunkBody, type SyncedTable, type SyncRecord, type SyncStore } from '../../sync/types';
import type { VettedDb } from '../database';
import {
  CheckSchema,
  ContractorListSchema,
  ContractorSchema,
  MAX_TIMESTAMP,
  MilestoneSchema,
  NoteSchema,
  PaymentSchema,
  ProjectSchema,
  RatingSchema,
  SettingsRowSchema,
} from '../schema';
import {
  conflictId,
  isSynced,
  type ClockMeta,
  type ConflictRow,
  type CursorMeta,
  type PushMeta,
  type RecordKey,
  type SyncIndexRow,
} from '../sync-index';

type Row = Record<string, unknown>;

const ROW_SCHEMAS: Record<SyncedTable, z.ZodType> = {
  contractors: ContractorSchema,
  checks: CheckSchema,
  notes: NoteSchema,
  ratings: RatingSchema,
  projects: ProjectSchema,
  milestones: MilestoneSchema,
  payments: PaymentSchema,
  settings: SettingsRowSchema,
  lists: ContractorListSchema,
};

const keyText = (key: unknown) => JSON.stringify(key);

/** From this many notes in one merge, their search words are deferred to the backfill (issue 18). */
export const DEFER_WORDS_FROM = 200;

/** The tables one apply writes: every synced table and the bookkeeping. */
export const syncScope = (db: VettedDb) => [...SYNCED_TABLES.map((t) => db.table(t)), db.syncIndex, db.conflicts, db.syncMeta];

export async function readClock(db: VettedDb): Promise<ClockMeta> {
  const found = (await db.syncMeta.get('clock')) as ClockMeta | undefined;
  return found ? { ...found } : db.stamp.freshClock();
}

export type ApplyOutcome = 'added' | 'updated' | 'skipped' | 'invalid';

/**
 * A record with `v < 0` is undated (a backup written before sync): it is dated against ours by
 * updatedAt. Otherwise records are SyncRecords as they travel.
 */
export interface ApplyOptions {
  /** 'remote': from another device's chunk (kept as theirs). 'import': from a backup (pushed from here). */
  origin: 'remote' | 'import';
  now: number;
  merge?: SyncMerge;
  /** Check each row against its schema and its key (rows from a chunk; a backup is checked already). */
  validate?: boolean;
}

export interface ApplyResult {
  outcomes: ApplyOutcome[];
  conflicts: number;
}

function validRecord(r: SyncRecord, db: VettedDb): boolean {
  if (!isSynced(r.table)) return false;
  if (!Number.isInteger(r.v) || r.v < 0 || r.v > MAX_TIMESTAMP || typeof r.d !== 'string' || r.d.length > 64) return false;
  if (r.row === null) return true;
  if (!ROW_SCHEMAS[r.table].safeParse(r.row).success) return false;
  const pk = db.table(r.table).schema.primKey.keyPath;
  const key = Array.isArray(pk) ? pk.map((p) => r.row![p]) : r.row[pk as string];
  return keyText(key) === keyText(r.key);
}

/**
 * Merges versions from elsewhere. Call inside a read-write transaction over `syncScope(db)`: the
 * transaction is marked so the stamper keeps the given versions; merged results get a new version.
 */
/** Whether `table` holds any row, or the sync index any version (a tombstone too) of one of its records. */
async function holdsAnything(db: VettedDb, table: SyncedTable, t: Table<Row, unknown>): Promise<boolean> {
  const indexed = await db.syncIndex.where('[table+key]').between([table, Dexie.minKey], [table, Dexie.maxKey]).limit(1).count();
  return indexed > 0 || (await t.limit(1).count()) > 0;
}

export async function applyVersions(
  db: VettedDb,
  tx: Transaction,
  records: readonly SyncRecord[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  db.stamp.manage(tx.idbtrans);
  // A bulk merge writes its notes' search words later, in batches (lib/db/note-words-backfill.ts).
  if (records.filter((r) => r.table === 'notes').length >= DEFER_WORDS_FROM) deferNoteWords(tx.idbtrans);
  const merge = options.merge ?? mergeVersions;
  const clock = await readClock(db);
  const outcomes: ApplyOutcome[] = records.map((r) => (options.validate && !validRecord(r, db) ? 'invalid' : 'skipped'));
  for (const [i, r] of records.entries()) if (outcomes[i] !== 'invalid') clock.maxV = Math.max(clock.maxV, r.v);
  // A merged result gets a version just above the plain edits it merges, named after its content
  // (mergedVersion), not "now" and this device: a device catching up on many chunks then does not
  // outrank what the others already agree on, and two devices arriving at the same record by
  // different merges write the same version.
  let mergedMax = 0;
  const lseq = clock.lseq + 1;
  let touchedLocal = false;
  const conflicts = new Map<string, ConflictRow>();

  for (const table of SYNCED_TABLES) {
    const mine = records.flatMap((r, i) => (r.table === table && outcomes[i] !== 'invalid' ? [i] : []));
    if (mine.length === 0) continue;
    const t = db.table(table) as Table<Row, unknown>;
    const uniqueKeys = [...new Map(mine.map((i) => [keyText(records[i]!.key), records[i]!.key])).values()];
    // A table with no rows and no tombstones (a restore or a first sync into a new device) has
    // nothing to merge with: looking up each key would only miss (10 s of 100k misses in Chromium).
    const [entries, rows] = (await holdsAnything(db, table, t))
      ? await Promise.all([db.syncIndex.bulkGet(uniqueKeys.map((k) => [table, k] as [string, RecordKey])), t.bulkGet(uniqueKeys)])
      : [[], []];
    const current = new Map<string, Versioned & { entry: SyncIndexRow }>();
    uniqueKeys.forEach((k, j) => {
      const entry = entries[j];
      if (!entry) return;
      const row = entry.deleted ? null : ((rows[j] as Row | undefined) ?? undefined);
      if (row === undefined) return; // a live index row without its row: treat as unknown
      current.set(keyText(k), {
        table,
        v: entry.v,
        d: entry.d,
        row,
        ...(entry.base ? { base: entry.base } : {}),
        ...(entry.g ? { g: entry.g } : {}),
        entry,
      });
    });
    const rowPuts = new Map<string, Row>();
    const rowDeletes = new Map<string, RecordKey>();
    const indexPuts = new Map<string, SyncIndexRow>();
    for (const i of mine) {
      let r = records[i]!;
      const k = keyText(r.key);
      let ours: Versioned | undefined = current.get(k);
      if (options.origin === 'import' && ours) {
        // Restoring is the user asking for the backup's records back: a record deleted here returns
        // as a new local write (it wins everywhere), and a record made again after a delete still
        // takes the backup's own fields (its earlier life is what the user restores).
        if (ours.row === null && r.row !== null) {
          r = { ...r, v: Math.max(Math.floor(options.now), clock.maxV + 1), d: clock.deviceId };
          clock.maxV = r.v;
          touchedLocal = true;
          ours = undefined;
        } else if (ours.g?.born !== undefined) {
          const { born: _b, ...g } = ours.g;
          ours = { ...ours, g };
        }
      }
      if (r.v < 0 && ours) {
        // Undated (a backup from before sync): newer than ours exactly when its updatedAt is, as
        // imports always merged; both sides then compare their field groups by their row times.
        const t = typeof r.row?.updatedAt === 'number' ? r.row.updatedAt : 0;
        const ourT = typeof ours?.row?.updatedAt === 'number' ? ours.row.updatedAt : (ours?.v ?? 0);
        r = { ...r, d: '', v: t > ourT ? ours.v + 1 : Math.max(0, ours.v - 1) };
        ours = { table, v: ours.v, d: ours.d, row: ours.row, ...(ours.base ? { base: ours.base } : {}) };
      } else if (r.v < 0) r = { ...r, d: '', v: typeof r.row?.updatedAt === 'number' ? r.row.updatedAt : 0 };
      const theirs: Versioned = { table, v: r.v, d: r.d, row: r.row, ...(r.base ? { base: r.base } : {}), ...(r.g ? { g: r.g } : {}) };
      const decision = merge(ours, theirs);
      for (const lost of decision.conflicts ?? []) {
        const id = conflictId(table, r.key, lost.v, lost.d);
        conflicts.set(id, { id, table, key: r.key, row: lost.row!, v: lost.v, d: lost.d, keptAt: options.now });
      }
      if (decision.action === 'keep') continue;
      const imported = options.origin === 'import';
      let next: SyncIndexRow;
      let row: Row | null;
      if (decision.action === 'take') {
        row = r.row;
        next = {
          table,
          key: r.key,
          v: r.v,
          d: r.d,
          ...(row === null ? { deleted: true as const } : {}),
          ...(imported ? { lseq } : {}),
          src: imported ? 'l' : 'r',
          ...(r.base ? { base: r.base } : {}),
          ...(r.g ? { g: r.g } : {}),
        };
      } else {
        row = decision.row!;
        const { v, d } = mergedVersion(ours ?? r, r, { row, ...(decision.g ? { g: decision.g } : {}) });
        mergedMax = Math.max(mergedMax, v);
        next = { table, key: r.key, v, d, lseq, src: 'l', ...(decision.g ? { g: decision.g } : {}) };
      }
      if (next.lseq !== undefined) touchedLocal = true;
      outcomes[i] = ours === undefined || ours.row === null ? (row === null ? 'skipped' : 'added') : 'updated';
      if (row === null) {
        rowPuts.delete(k);
        if (ours?.row) rowDeletes.set(k, r.key);
      } else {
        rowDeletes.delete(k);
        rowPuts.set(k, row);
      }
      indexPuts.set(k, next);
      current.set(k, {
        table,
        v: next.v,
        d: next.d,
        row,
        ...(next.base ? { base: next.base } : {}),
        ...(next.g ? { g: next.g } : {}),
        entry: next,
      });
    }
    if (rowDeletes.size) await t.bulkDelete([...rowDeletes.values()]);
    if (rowPuts.size) await t.bulkPut([...rowPuts.values()]);
    if (indexPuts.size) await db.syncIndex.bulkPut([...indexPuts.values()]);
  }
  if (conflicts.size) await db.conflicts.bulkPut([...conflicts.values()]);
  if (touchedLocal) {
    clock.lseq = lseq;
    clock.maxV = Math.max(clock.maxV, mergedMax);
  }
  await db.syncMeta.put(clock);
  db.stamp.release(tx.idbtrans);
  return { outcomes, conflicts: conflicts.size };
}

async function recordsOf(db: VettedDb, entries: readonly SyncIndexRow[]): Promise<SyncRecord[]> {
  const out: SyncRecord[] = [];
  for (const table of SYNCED_TABLES) {
    const mine = entries.filter((e) => e.table === table);
    if (mine.length === 0) continue;
    const live = mine.filter((e) => !e.deleted);
    const rows = await db.table(table).bulkGet(live.map((e) => e.key));
    const byKey = new Map(live.map((e, i) => [keyText(e.key), rows[i] as Row | undefined]));
    for (const e of mine) {
      const row = e.deleted ? null : byKey.get(keyText(e.key));
      if (row === undefined) continue;
      out.push({ table, key: e.key, v: e.v, d: e.d, row, ...(e.base ? { base: e.base } : {}), ...(e.g ? { g: e.g } : {}) });
    }
  }
  return out;
}

export interface SyncStoreOptions {
  now?: () => number;
  /** The property test swaps in deliberately broken merges. */
  merge?: SyncMerge;
}

async function pushMeta(db: VettedDb): Promise<PushMeta> {
  return ((await db.syncMeta.get('push')) as PushMeta | undefined) ?? { key: 'push', lastSeq: 0, mark: 0, sinceSnapshot: 0 };
}

async function cursorMeta(db: VettedDb): Promise<CursorMeta> {
  return ((await db.syncMeta.get('cursors')) as CursorMeta | undefined) ?? { key: 'cursors', cursors: {} };
}

export function createSyncStore(db: VettedDb, options: SyncStoreOptions = {}): SyncStore {
  const now = options.now ?? Date.now;
  return {
    async deviceId() {
      return db.transaction('rw', db.syncMeta, async () => {
        const clock = await readClock(db);
        await db.syncMeta.put(clock);
        return clock.deviceId;
      });
    },

    async cursors() {
      return (await cursorMeta(db)).cursors;
    },

    async applyChunk(chunk: ChunkBody) {
      return db.transaction('rw', syncScope(db), async (tx) => {
        const clock = await readClock(db);
        const meta = await cursorMeta(db);
        if (chunk.deviceId === clock.deviceId || chunk.seq <= (meta.cursors[chunk.deviceId] ?? 0)) return { applied: 0, conflicts: 0 };
        const result = await applyVersions(db, tx, chunk.records, {
          origin: 'remote',
          now: now(),
          validate: true,
          ...(options.merge ? { merge: options.merge } : {}),
        });
        meta.cursors = { ...meta.cursors, [chunk.deviceId]: chunk.seq };
        await db.syncMeta.put(meta);
        const applied = result.outcomes.filter((o) => o === 'added' || o === 'updated').length;
        return { applied, conflicts: result.conflicts };
      });
    },

    async unpushed() {
      return db.transaction('r', syncScope(db), async () => {
        const entries = await db.syncIndex.where('lseq').above(0).toArray();
        const mark = entries.reduce((m, e) => Math.max(m, e.lseq ?? 0), 0);
        return { records: await recordsOf(db, entries), mark };
      });
    },

    async ownRecords() {
      return db.transaction('r', syncScope(db), async () => recordsOf(db, await db.syncIndex.filter((e) => e.src === 'l').toArray()));
    },

    async markPushed(seq: number, mark: number) {
      await db.transaction('rw', db.syncIndex, db.syncMeta, async () => {
        await db.syncIndex
          .where('lseq')
          .belowOrEqual(mark)
          .modify((e) => {
            delete e.lseq;
            e.src = 'l';
          });
        const push = await pushMeta(db);
        await db.syncMeta.put({ ...push, lastSeq: Math.max(push.lastSeq, seq), mark: Math.max(push.mark, mark) });
      });
    },

    async lastSeq() {
      return (await pushMeta(db)).lastSeq;
    },
  };
}

/**
 * On connecting to a workspace: everything this device holds waits to be pushed again (with its
 * versions as they are), so a workspace joined after another one still receives all of it.
 * Pushing a version the workspace already has is harmless: the merge finds it equal.
 */
export async function markAllUnpushed(db: VettedDb): Promise<number> {
  return db.transaction('rw', db.syncIndex, db.syncMeta, async () => {
    const clock = await readClock(db);
    const lseq = clock.lseq + 1;
    const count = await db.syncIndex.toCollection().modify((e) => {
      e.lseq = lseq;
    });
    await db.syncMeta.put({ ...clock, lseq });
    return count;
  });
}
