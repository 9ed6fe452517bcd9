/**
 * Writes a validated backup into the database in ONE transaction, merging by key: a record newer
 * than ours (by updatedAt) replaces it, an equal or older one is skipped, an unknown one is added.
 * Nothing is ever deleted by an import.
 */
import type { Table } from 'dexie';
import type { VettedDb } from '../db/database';
import { markChanged } from '../db/repositories/settings';
import type { ChecklistItem, Settings, SettingsRow } from '../db/schema';
import type { ImportReport } from '../messaging/protocol';
import { RECORD_TABLE_NAMES, RECORD_TABLES, type BackupData } from './format';

type Counts = { added: number; updated: number; skipped: number };
type Row = Record<string, unknown> & { updatedAt: number };

const SETTINGS_KEY = 'settings';

/** The settings schema's cap on checklist items. */
const MAX_CHECKLIST = 200;

/**
 * Items of `winner` in its order, then items only `other` knows (so no check loses its item),
 * within the schema's cap.
 */
function unionChecklist(winner: readonly ChecklistItem[], other: readonly ChecklistItem[]): ChecklistItem[] {
  const ids = new Set(winner.map((i) => i.id));
  return [...winner, ...other.filter((i) => !ids.has(i.id))].slice(0, Math.max(MAX_CHECKLIST, winner.length));
}

async function mergeSettings(db: VettedDb, incoming: Settings): Promise<Counts> {
  const row = await db.settings.get(SETTINGS_KEY);
  if (!row) {
    await db.settings.put({ ...incoming, key: SETTINGS_KEY });
    return { added: 1, updated: 0, skipped: 0 };
  }
  const { key: _key, ...current } = row;
  const newer = incoming.updatedAt > current.updatedAt;
  const [winner, loser] = newer ? [incoming, current] : [current, incoming];
  const checklist = unionChecklist(winner.checklist, loser.checklist);
  if (!newer && checklist.length === current.checklist.length) return { added: 0, updated: 0, skipped: 1 };
  const lastBackupAt = Math.max(current.lastBackupAt ?? 0, incoming.lastBackupAt ?? 0) || undefined;
  const next: SettingsRow = { ...winner, checklist, key: SETTINGS_KEY };
  if (lastBackupAt !== undefined) next.lastBackupAt = lastBackupAt;
  await db.settings.put(next);
  return { added: 0, updated: 1, skipped: 0 };
}

export async function writeBackup(db: VettedDb, data: BackupData, now: number): Promise<ImportReport> {
  const tables: Record<string, Counts> = {};
  await db.transaction('rw', db.tables, async () => {
    for (const name of RECORD_TABLE_NAMES) {
      const spec = RECORD_TABLES[name];
      const table = db.table(name) as Table<Row, unknown>;
      const incoming = data[name] as unknown as Row[];
      const existing = await table.bulkGet(incoming.map((r) => spec.primaryKey(r)));
      const counts: Counts = { added: 0, updated: 0, skipped: 0 };
      const toPut: Row[] = [];
      incoming.forEach((record, i) => {
        const ours = existing[i];
        if (!ours) {
          counts.added++;
          toPut.push(record);
        } else if (record.updatedAt > ours.updatedAt) {
          counts.updated++;
          toPut.push(record);
        } else counts.skipped++;
      });
      if (toPut.length > 0) await table.bulkPut(toPut);
      tables[name] = counts;
    }
    tables.settings = await mergeSettings(db, data.settings);
    const changed = Object.values(tables).some((c) => c.added + c.updated > 0);
    if (changed) await markChanged(db, now);
  });
  const total = (field: keyof Counts) => Object.values(tables).reduce((sum, c) => sum + c[field], 0);
  return { added: total('added'), updated: total('updated'), skipped: total('skipped'), tables };
}
