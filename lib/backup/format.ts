/**
 * The Vetted backup file: what it contains and how each table's records are keyed.
 * Record shapes come from lib/db/schema.ts (the single source); docs/backup-format.md is
 * generated from this file and checked by tests/unit/backup/doc.test.ts.
 */
import { z } from 'zod';
import { SYNCED_TABLES, type SyncedTable } from '../sync/types';
import {
  CheckSchema,
  ContractorListSchema,
  ContractorSchema,
  MilestoneSchema,
  NoteSchema,
  PaymentSchema,
  ProjectSchema,
  RatingSchema,
  SettingsSchema,
  type Check,
  type Contractor,
  type ContractorList,
  type Milestone,
  type Note,
  type Payment,
  type Project,
  type Rating,
  type Settings,
} from '../db/schema';

export const BACKUP_FORMAT = 'vetted-backup';
/** Bump when the file layout or a record shape changes, and add a migration (./migrations.ts). */
export const BACKUP_VERSION = 2;

export interface BackupRecords {
  contractors: Contractor[];
  checks: Check[];
  notes: Note[];
  ratings: Rating[];
  projects: Project[];
  milestones: Milestone[];
  payments: Payment[];
  /** issue 16: absent from files written before lists existed (read as empty). */
  lists: ContractorList[];
}
export type RecordTable = keyof BackupRecords;

/**
 * Version 2 (issue 11): the sync version of every record and every tombstone, so a restore merges
 * by the same rule as the sync and a delete made before the backup is not undone by it.
 */
export interface BackupVersion {
  table: SyncedTable;
  key: string | [string, string];
  v: number;
  d: string;
  deleted?: true;
  base?: [number, string];
  g?: Record<string, number>;
}

export const BackupVersionSchema = z.object({
  table: z.enum(SYNCED_TABLES),
  key: z.union([z.string().min(1).max(300), z.tuple([z.string().min(1).max(300), z.string().min(1).max(100)])]),
  v: z
    .number()
    .int()
    .nonnegative()
    .max(Date.UTC(9999, 11, 31)),
  d: z.string().max(64),
  deleted: z.literal(true).optional(),
  base: z.tuple([z.number().int().nonnegative(), z.string().max(64)]).optional(),
  g: z.record(z.string().max(100), z.number().int()).optional(),
});

export interface BackupData extends BackupRecords {
  settings: Settings;
  /** Absent from version 1 files (migrated to []): every record then dates from its updatedAt. */
  versions: BackupVersion[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Epoch ms when the file was written. */
  exportedAt: number;
  data: BackupData;
}

interface TableSpec {
  schema: z.ZodType;
  /** How the record is named in messages and matched when merging. */
  keyName: string;
  keyOf: (record: Record<string, unknown>) => string;
  /** The Dexie primary key of a record (compound for checks). */
  primaryKey: (record: Record<string, unknown>) => string | [string, string];
  /** One line for the documentation. */
  description: string;
  /** A table added after format version 1 without a version bump: a file without it imports as empty. */
  optional?: true;
}

const byId: Pick<TableSpec, 'keyName' | 'keyOf' | 'primaryKey'> = {
  keyName: 'id',
  keyOf: (r) => String(r.id),
  primaryKey: (r) => String(r.id),
};

/** Record tables in the order they are written to the file and documented. */
export const RECORD_TABLES: Readonly<Record<RecordTable, TableSpec>> = {
  contractors: {
    schema: ContractorSchema,
    keyName: 'key',
    keyOf: (r) => String(r.key),
    primaryKey: (r) => String(r.key),
    description: 'Everyone you looked at or tracked, keyed `<site>:<id>`.',
  },
  checks: {
    schema: CheckSchema,
    keyName: 'contractorKey + itemId',
    keyOf: (r) => `${String(r.contractorKey)} / ${String(r.itemId)}`,
    primaryKey: (r) => [String(r.contractorKey), String(r.itemId)],
    description: 'The state of one checklist item for one contractor.',
  },
  notes: { schema: NoteSchema, ...byId, description: 'Private notes on a contractor, a project or both.' },
  ratings: { schema: RatingSchema, ...byId, description: 'Your ratings of a contractor (1–5 per aspect).' },
  projects: { schema: ProjectSchema, ...byId, description: 'Projects with budget, payment model and contract.' },
  milestones: { schema: MilestoneSchema, ...byId, description: 'Milestones of a project.' },
  payments: { schema: PaymentSchema, ...byId, description: 'Payments made on a project.' },
  lists: {
    schema: ContractorListSchema,
    ...byId,
    description:
      'Your named lists of contractors; `keys` are the members. Backups made before lists existed have no `lists` and still import.',
    optional: true,
  },
};

export const RECORD_TABLE_NAMES = Object.keys(RECORD_TABLES) as RecordTable[];

export const SETTINGS_SPEC = {
  schema: SettingsSchema,
  description: 'Your settings: checklist template, reminders, currency, marketplace switches.',
};

export { backupFilename, MAX_BACKUP_BYTES } from './file-names';
