/**
 * Writes a validated backup into the database in ONE transaction, merging by key with the one
 * merge of the sync (lib/domain/sync-merge.ts through applyVersions): the higher version wins, the
 * user's own choices win over what Vetted read or set by itself (each group of fields by its own
 * version), a losing real edit is kept in conflicts. Records of a backup from before sync date from
 * their updatedAt, as imports always merged. A tombstone in the backup deletes only a copy older
 * than that delete. The restore itself is recorded in settings (lastRestoreAt, and the file's
 * export time as the last backup: that file is a backup of what is now here).
 */
import type { VettedDb } from '../database';
import { applyVersions, syncScope } from './sync';
import { defaultSettings, markChanged } from './settings';
import type { SettingsRow } from '../schema';
import type { SyncedTable, SyncRecord } from '../../sync/types';
import type { ImportReport } from '../../messaging/protocol';
import { RECORD_TABLE_NAMES, RECORD_TABLES, type BackupData, type BackupVersion } from '../../backup/format';

type Counts = { added: number; updated: number; skipped: number };

const SETTINGS_KEY = 'settings';
const versionKey = (table: string, key: unknown) => `${table}|${JSON.stringify(key)}`;

function toRecords(data: BackupData): { records: SyncRecord[]; counted: (string | undefined)[] } {
  const versions = new Map<string, BackupVersion>(data.versions.map((e) => [versionKey(e.table, e.key), e]));
  const records: SyncRecord[] = [];
  const counted: (string | undefined)[] = [];
  const add = (table: SyncedTable, key: SyncRecord['key'], row: Record<string, unknown>) => {
    const e = versions.get(versionKey(table, key));
    versions.delete(versionKey(table, key));
    records.push({ table, key, row, v: e?.v ?? -1, d: e?.d ?? '', ...(e?.base ? { base: e.base } : {}), ...(e?.g ? { g: e.g } : {}) });
    counted.push(table);
  };
  for (const name of RECORD_TABLE_NAMES) {
    for (const row of data[name] as unknown as Record<string, unknown>[]) add(name, RECORD_TABLES[name].primaryKey(row), row);
  }
  add('settings', SETTINGS_KEY, { ...data.settings, key: SETTINGS_KEY });
  for (const e of versions.values()) {
    if (!e.deleted) continue; // a live version without its record in the file: nothing to merge
    records.push({ table: e.table, key: e.key, row: null, v: e.v, d: e.d, ...(e.base ? { base: e.base } : {}) });
    counted.push(undefined);
  }
  return { records, counted };
}

export async function writeBackup(db: VettedDb, data: BackupData, now: number, exportedAt?: number): Promise<ImportReport> {
  const tables: Record<string, Counts> = {};
  for (const name of [...RECORD_TABLE_NAMES, 'settings']) tables[name] = { added: 0, updated: 0, skipped: 0 };
  await db.transaction('rw', syncScope(db), async (tx) => {
    const { records, counted } = toRecords(data);
    const { outcomes } = await applyVersions(db, tx, records, { origin: 'import', now });
    outcomes.forEach((o, i) => {
      const table = counted[i];
      if (table && o !== 'invalid') tables[table]![o]++;
    });
    // The restore's own bookkeeping is a local write like any other (stamped).
    const row = (await db.settings.get(SETTINGS_KEY)) ?? ({ ...defaultSettings(), key: SETTINGS_KEY } as SettingsRow);
    const lastBackupAt = exportedAt !== undefined ? Math.max(row.lastBackupAt ?? 0, Math.min(exportedAt, now)) : row.lastBackupAt;
    await db.settings.put({ ...row, lastRestoreAt: now, ...(lastBackupAt !== undefined ? { lastBackupAt } : {}) });
    const changed = Object.values(tables).some((c) => c.added + c.updated > 0);
    if (changed) await markChanged(db, now);
  });
  const total = (field: keyof Counts) => Object.values(tables).reduce((sum, c) => sum + c[field], 0);
  return { added: total('added'), updated: total('updated'), skipped: total('skipped'), tables };
}
