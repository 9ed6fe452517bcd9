/**
 * The one IndexedDB database, opened only by the background (DESIGN.md rule 1).
 */
import Dexie, { type Table } from 'dexie';
import { BadgeFactsKeeper, type BadgeFactsRow } from './badge-facts';
import { noteWordsMiddleware } from './note-words';
import { WriteRecorder } from './recorder';
import { SyncStamper, type StampOptions } from './stamper';
import type { ConflictRow, SyncIndexRow, SyncMetaRow } from './sync-index';
import type {
  Check,
  Contractor,
  ContractorList,
  Milestone,
  Note,
  Payment,
  Project,
  Rating,
  SettingsRow,
  SyncConnectionRow,
} from './schema';
import { TABLE_NAMES } from './constants';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

export const DB_NAME = 'vetted';

/** The user's tables (lib/db/constants.ts); every one of them syncs. */
export { TABLE_NAMES };
export type TableName = (typeof TABLE_NAMES)[number];

export class VettedDb extends Dexie {
  contractors!: Table<Contractor, string>;
  checks!: Table<Check, [string, string]>;
  notes!: Table<Note, string>;
  ratings!: Table<Rating, string>;
  projects!: Table<Project, string>;
  milestones!: Table<Milestone, string>;
  payments!: Table<Payment, string>;
  settings!: Table<SettingsRow, string>;
  /** Every committed put and delete, for the router's broadcast (lib/db/recorder.ts). */
  readonly writes = new WriteRecorder();
  lists!: Table<ContractorList, string>;
  /** Sync bookkeeping (schema version 9, lib/db/sync-index.ts). */
  syncIndex!: Table<SyncIndexRow, [string, string | [string, string]]>;
  conflicts!: Table<ConflictRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;
  /** issue 11: the sync connection and status (lib/db/repositories/sync-connection.ts). Not user data. */
  syncConnection!: Table<SyncConnectionRow, string>;
  /** Versions and tombstones of local writes (lib/db/stamper.ts). */
  readonly stamp: SyncStamper;
  /** issue 18: what listing badges need per contractor, kept by lib/db/badge-facts.ts. Derived, local only. */
  badgeFacts!: Table<BadgeFactsRow, string>;
  readonly badgeFactsKeeper = new BadgeFactsKeeper();

  constructor(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, options: DbOptions = {}) {
    super(name);
    this.stamp = new SyncStamper(options.sync);
    // Lowest of all: the rows it marks dirty are below the recorder (no change event) and the stamper.
    this.use(this.badgeFactsKeeper.middleware);
    // The stamper sits below the recorder: the recorder sees the write, the stamper stamps it.
    this.use(this.stamp.middleware);
    this.use(this.writes.middleware);
    // issue 16: notes carry their indexed words (schema version 8); views never see them.
    this.use(noteWordsMiddleware);
    for (const v of versions) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

export interface DbOptions {
  /** Tests inject the clock and the device id the stamper uses. */
  sync?: StampOptions;
}

/** Tests pass a fresh name per test (fake-indexeddb); the extension uses the default. */
export function openDb(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS, options: DbOptions = {}): VettedDb {
  return new VettedDb(name, versions, options);
}

/** Tables holding the user's data (everything but settings). */
export const DATA_TABLES = TABLE_NAMES.filter((t) => t !== 'settings');
