/**
 * Backup facts the pages need without the schemas (no zod in the options or reports page: the
 * background validates every file, lib/backup/read.ts).
 */

/** Larger files are refused before parsing: a backup of years of notes is a few MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** `vetted-backup-2026-11-27.json`: the user's local day, the one they will look for. */
export function backupFilename(now: number, ext = 'json', stem = 'vetted-backup'): string {
  const d = new Date(now);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${stem}-${day}.${ext}`;
}
