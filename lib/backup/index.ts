/**
 * Backup and restore of everything Vetted stores (format: docs/backup-format.md).
 * Called by the background router; `now` comes from the caller so tests control the clock.
 */
import type { VettedDb } from '../db/database';
import { getSettings, updateSettings } from '../db/repositories/settings';
import type { ImportReport } from '../messaging/protocol';
import { BACKUP_FORMAT, BACKUP_VERSION, backupFilename, type BackupFile } from './format';
import { readBackup } from './read';
import { writeBackup } from '../db/repositories/restore';

export { BackupError } from './errors';
export { BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES, backupFilename } from './format';
export { readBackup } from './read';

/** The whole database as one versioned JSON file; records the backup time in settings. */
export async function exportBackup(db: VettedDb, now: number): Promise<{ text: string; filename: string }> {
  // One read transaction: a write landing mid-export cannot leave a payment without its project.
  const file = await db.transaction('r', db.tables, async (): Promise<BackupFile> => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    data: {
      contractors: await db.contractors.toArray(),
      checks: await db.checks.toArray(),
      notes: await db.notes.toArray(),
      ratings: await db.ratings.toArray(),
      projects: await db.projects.toArray(),
      milestones: await db.milestones.toArray(),
      payments: await db.payments.toArray(),
      lists: await db.lists.toArray(),
      settings: await getSettings(db),
      // Sync versions and tombstones (format version 2); what is waiting to be pushed stays local.
      versions: (await db.syncIndex.toArray()).map(({ lseq: _l, src: _s, ...version }) => version),
    },
  }));
  const text = JSON.stringify(file, null, 2);
  // Partial update: a settings change made in another view meanwhile is kept.
  await updateSettings(db, { lastBackupAt: now }, now);
  return { text, filename: backupFilename(now) };
}

/** Validates the whole file, then merges it in one transaction (lib/domain/merge.ts). */
export async function importBackup(db: VettedDb, text: string, now: number): Promise<ImportReport> {
  const file = readBackup(text);
  return writeBackup(db, file.data, now, file.exportedAt);
}
