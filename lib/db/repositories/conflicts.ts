/**
 * issue 11: the other versions of a record. When two devices edited the same record, the merge
 * keeps the losing edit in `conflicts` (lib/db/repositories/sync.ts); here the views read them
 * for what they show, and the user keeps the current version (the other one is let go) or takes
 * the other one back. Taking it back is a local write like any other (stamped, so it wins on every
 * device at the next sync), and the version it replaces is kept in its place: nothing is lost by
 * choosing.
 */
import type { VettedDb } from '../database';
import { conflictId, type ConflictRow, type RecordKey } from '../sync-index';
import { NotFoundError, validate } from '../errors';
import { CheckSchema, MilestoneSchema, NoteSchema, PaymentSchema, ProjectSchema } from '../schema';
import { markChanged } from './settings';
import type { VERSIONED_TABLES } from '../constants';
import type { z } from 'zod';

/** The records whose other versions the views show ("2 versions"), with their schema and owners. */
export const VERSIONED_VIEWS = {
  notes: { schema: NoteSchema, owners: { contractorKey: 'contractors', projectId: 'projects' } },
  checks: { schema: CheckSchema, owners: { contractorKey: 'contractors' } },
  projects: { schema: ProjectSchema, owners: { contractorKey: 'contractors' } },
  milestones: { schema: MilestoneSchema, owners: { projectId: 'projects' } },
  payments: { schema: PaymentSchema, owners: { projectId: 'projects' } },
} as const satisfies Record<VersionedTable, { schema: z.ZodType; owners: Record<string, 'contractors' | 'projects'> }>;
export type VersionedTable = (typeof VERSIONED_TABLES)[number];

/** Fields that say when or how a row was stored, not what it says. */
const BOOKKEEPING = new Set(['updatedAt', 'words']);

/** A row's content, for telling whether two versions say the same thing. */
function content(row: Record<string, unknown>): string {
  const keys = Object.keys(row)
    .filter((k) => !BOOKKEEPING.has(k) && row[k] !== undefined)
    .sort();
  return JSON.stringify(keys.map((k) => [k, row[k]]));
}

export interface OtherVersion {
  id: string;
  key: RecordKey;
  row: Record<string, unknown>;
  /** When this version was written (its version time), and when this device kept it. */
  v: number;
  keptAt: number;
}

/**
 * The other versions of the given records, oldest kept first. A version that says what the current
 * one says (both devices made the same edit) is not shown; one of a record deleted since is not either.
 */
export async function otherVersions(db: VettedDb, table: VersionedTable, keys: readonly RecordKey[]): Promise<OtherVersion[]> {
  if (keys.length === 0) return [];
  const rows = await db.conflicts
    .where('[table+key]')
    .anyOf(keys.map((k) => [table, k] as [string, RecordKey]) as never)
    .toArray();
  if (rows.length === 0) return [];
  const recordKeys = [...new Map(rows.map((r) => [JSON.stringify(r.key), r.key])).values()];
  const current = await db.table(table).bulkGet(recordKeys as never[]);
  const now = new Map(recordKeys.map((k, i) => [JSON.stringify(k), current[i] as Record<string, unknown> | undefined]));
  return rows
    .filter((r) => {
      const cur = now.get(JSON.stringify(r.key));
      return cur !== undefined && content(cur) !== content(r.row);
    })
    .sort((a, b) => a.keptAt - b.keptAt || a.v - b.v)
    .map(({ id, key, row, v, keptAt }) => ({ id, key, row: withoutWords(row), v, keptAt }));
}

function withoutWords(row: Record<string, unknown>): Record<string, unknown> {
  const { words: _w, ...rest } = row;
  return rest;
}

export type VersionChoice = 'current' | 'other';

/**
 * Settles one other version: 'current' lets it go; 'other' makes it the record again (as a new
 * edit, so it wins everywhere) and keeps the replaced version as the other one. Returns the row
 * now stored.
 */
export async function chooseVersion(
  db: VettedDb,
  id: string,
  keep: VersionChoice,
  now: number,
): Promise<{ table: VersionedTable; row: Record<string, unknown> | undefined }> {
  const tables = [db.conflicts, db.syncIndex, db.settings, db.contractors, ...Object.keys(VERSIONED_VIEWS).map((t) => db.table(t))];
  return db.transaction('rw', tables, async () => {
    const other = await db.conflicts.get(id);
    if (!other || !(other.table in VERSIONED_VIEWS)) {
      throw new NotFoundError('This other version was already settled, in another window or on another device.');
    }
    const table = other.table as VersionedTable;
    const t = db.table(table);
    const current = (await t.get(other.key as never)) as Record<string, unknown> | undefined;
    if (keep === 'current') {
      await db.conflicts.delete(id);
      return { table, row: current };
    }
    if (!current) throw new NotFoundError('This record was deleted since, so its other version cannot come back.');
    const { schema, owners } = VERSIONED_VIEWS[table];
    for (const [field, owner] of Object.entries(owners)) {
      const ownerKey = other.row[field];
      if (typeof ownerKey === 'string' && !(await db.table(owner).get(ownerKey))) {
        throw new NotFoundError(
          `The ${owner === 'projects' ? 'project' : 'contractor'} of this version was deleted, so it cannot come back.`,
        );
      }
    }
    const restored = validate(schema as z.ZodType<Record<string, unknown>>, { ...withoutWords(other.row), updatedAt: now }, 'record');
    // The version being replaced becomes the other one, so choosing can be undone the same way.
    const entry = await db.syncIndex.get([table, other.key]);
    const replaced: ConflictRow = {
      id: conflictId(table, other.key, entry?.v ?? Number(current.updatedAt ?? 0), entry?.d ?? ''),
      table,
      key: other.key,
      row: withoutWords(current),
      v: entry?.v ?? Number(current.updatedAt ?? 0),
      d: entry?.d ?? '',
      keptAt: now,
    };
    await db.conflicts.delete(id);
    await db.conflicts.put(replaced);
    await t.put(restored);
    await markChanged(db, now);
    return { table, row: restored };
  });
}
