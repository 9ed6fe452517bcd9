/**
 * Backup facts the pages need without the schemas (no zod in the options or reports page: the
 * background validates every file, lib/backup/read.ts).
 */

/**
 * Larger files are refused before parsing. A heavy user's backup (100,000 notes) is about 45 MB;
 * this leaves room for years more while a file still fits in the background's memory. Files travel
 * to and from the background in parts (lib/messaging/transfer.ts), never as one message.
 */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** `vetted-backup-2026-11-27.json`: the user's local day, the one they will look for. */
export function backupFilename(now: number, ext = 'json', stem = 'vetted-backup'): string {
  const d = new Date(now);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${stem}-${day}.${ext}`;
}
