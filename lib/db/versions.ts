/**
 * Every schema version of the 'vetted' database, oldest first. Dexie needs a new version only for
 * an index change, a deleted table or an `upgrade()`; keep every version that has an upgrade.
 *
 * Adding a migration = one entry here + one fixture in tests/unit/db/upgrade.test.ts that writes
 * data with the previous version and reads it after opening this one.
 */
import type { Transaction } from 'dexie';
import { noteWords } from '../domain/words';
import { indexExistingRows } from './sync-upgrade';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then only the indexes we query. null deletes a table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // status: listContractors filter; lastSeenAt: "recently viewed".
      contractors: 'key, status, lastSeenAt',
      checks: '[contractorKey+itemId], contractorKey',
      notes: 'id, contractorKey, projectId',
      ratings: 'id, contractorKey, projectId',
      projects: 'id, status, contractorKey',
      milestones: 'id, projectId',
      payments: 'id, projectId',
      settings: 'key',
    },
  },
  {
    // issue 16: named lists (members in `keys`, multiEntry so "lists of this contractor" is one
    // index read), tags and site indexed for the contractor board's filters.
    version: 4,
    stores: {
      contractors: 'key, status, lastSeenAt, *tags, site',
      lists: 'id, name, *keys',
    },
  },
  {
    // issue 14: "Recently viewed" lists only contractors whose profile page was opened (viewedAt,
    // set by reportPage and Track this page). Existing rows keep their list: viewedAt = lastSeenAt.
    version: 7,
    stores: {
      contractors: 'key, status, lastSeenAt, *tags, site, viewedAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('contractors')
        .toCollection()
        .modify((c: { lastSeenAt: number; viewedAt?: number }) => {
          if (c.viewedAt === undefined) c.viewedAt = c.lastSeenAt;
        });
    },
  },
  {
    // issue 16: the board's note-text search looks words up by prefix in a multiEntry index instead
    // of reading every note body (2.6 s at 100,000 notes). `words` is kept on every write by
    // lib/db/note-words.ts; existing notes get theirs here.
    version: 8,
    stores: {
      notes: 'id, contractorKey, projectId, *words',
    },
    upgrade: async (tx) => {
      await tx
        .table('notes')
        .toCollection()
        .modify((n: { body?: unknown; words?: string[] }) => {
          n.words = noteWords(typeof n.body === 'string' ? n.body : '');
        });
    },
  },
  {
    // issue 11: sync bookkeeping and connection, new tables only. syncIndex: one row per record or
    // tombstone ([table+key]), lseq indexed (sparse: only versions waiting to be pushed). Existing
    // rows get a version and an index row, so the first sync pushes them. syncConnection: the
    // WebDAV connection and status rows ('connection', 'status'), holding the non-extractable data
    // CryptoKey; not synced, not in backups.
    version: 9,
    stores: {
      syncIndex: '[table+key], lseq',
      conflicts: 'id, [table+key]',
      syncMeta: 'key',
      syncConnection: 'key',
    },
    upgrade: indexExistingRows,
  },
  {
    // issue 18: badge facts per contractor (lib/db/badge-facts.ts), a new table: derived from the
    // user's tables, never synced or exported. It starts empty and the background builds it.
    version: 10,
    stores: {
      badgeFacts: 'key',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
