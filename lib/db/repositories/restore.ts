/**
 * Writes a validated backup into the database in ONE transaction, merging by key with the one
 * merge rule (lib/domain/merge.ts): the user's own choices win over what Vetted read or set by
 * itself, each group of fields by its own time; an unknown record is added. Nothing is ever
 * deleted by an import. The restore itself is recorded in settings (lastRestoreAt, and the file's
 * export time as the last backup: that file is a backup of what is now here).
 */
import type { Table } from 'dexie';
import type { VettedDb } from '../database';
import { getSettings, markChanged } from './settings';
import type { Contractor, Settings, SettingsRow } from '../schema';
import { mergeContractor, mergeRecord, mergeSettings, sameValue, type Merged } from '../../domain/merge';
import type { ImportReport } from '../../messaging/protocol';
import { RECORD_TABLE_NAMES, RECORD_TABLES, type BackupData, type RecordTable } from '../../backup/format';

type Counts = { added: number; updated: number; skipped: number };
type Row = Record<string, unknown> & { updatedAt: number };

const SETTINGS_KEY = 'settings';

function mergerFor(name: RecordTable): (ours: Row, theirs: Row) => Merged<Row> {
  if (name === 'contractors') {
    return (ours, theirs) => mergeContractor(ours as unknown as Contractor, theirs as unknown as Contractor) as unknown as Merged<Row>;
  }
  return mergeRecord;
}

async function mergeSettingsRow(db: VettedDb, incoming: Settings, restore: { now: number; exportedAt?: number }): Promise<Counts> {
  const row = await db.settings.get(SETTINGS_KEY);
  const ours = row ? await getSettings(db) : undefined;
  const merged = ours ? mergeSettings(ours, incoming) : { value: incoming, outcome: 'theirs' as const };
  const value: Settings = { ...merged.value, lastRestoreAt: restore.now };
  if (restore.exportedAt !== undefined) value.lastBackupAt = Math.max(value.lastBackupAt ?? 0, Math.min(restore.exportedAt, restore.now));
  const next: SettingsRow = { ...value, key: SETTINGS_KEY };
  if (!row || !sameValue(next, row)) await db.settings.put(next);
  if (!ours) return { added: 1, updated: 0, skipped: 0 };
  return merged.outcome === 'ours' ? { added: 0, updated: 0, skipped: 1 } : { added: 0, updated: 1, skipped: 0 };
}

export async function writeBackup(db: VettedDb, data: BackupData, now: number, exportedAt?: number): Promise<ImportReport> {
  const tables: Record<string, Counts> = {};
  await db.transaction('rw', db.tables, async () => {
    for (const name of RECORD_TABLE_NAMES) {
      const spec = RECORD_TABLES[name];
      const merge = mergerFor(name);
      const table = db.table(name) as Table<Row, unknown>;
      const incoming = data[name] as unknown as Row[];
      // Restoring into an empty table (a new device, after "delete everything") reads nothing back.
      const existing = incoming.length > 0 && (await table.count()) > 0 ? await table.bulkGet(incoming.map((r) => spec.primaryKey(r))) : [];
      const counts: Counts = { added: 0, updated: 0, skipped: 0 };
      const toPut: Row[] = [];
      incoming.forEach((record, i) => {
        const ours = existing[i];
        if (!ours) {
          counts.added++;
          toPut.push(record);
          return;
        }
        const merged = merge(ours, record);
        if (merged.outcome === 'ours') counts.skipped++;
        else {
          counts.updated++;
          toPut.push(merged.value);
        }
      });
      if (toPut.length > 0) await table.bulkPut(toPut);
      tables[name] = counts;
    }
    tables.settings = await mergeSettingsRow(db, data.settings, { now, ...(exportedAt !== undefined ? { exportedAt } : {}) });
    const changed = Object.values(tables).some((c) => c.added + c.updated > 0);
    if (changed) await markChanged(db, now);
  });
  const total = (field: keyof Counts) => Object.values(tables).reduce((sum, c) => sum + c[field], 0);
  return { added: total('added'), updated: total('updated'), skipped: total('skipped'), tables };
}
