/**
 * Backup files written by older versions of Vetted are brought up to BACKUP_VERSION on the way in,
 * one step at a time: MIGRATIONS[n] turns a version-n file into a version-(n+1) file. When the
 * format changes, bump BACKUP_VERSION and add the step from the previous version here (tests/unit/backup/migrations.test.ts shows the pattern with a synthetic v0).
 *
 * A step receives the parsed JSON of the whole file (not yet validated: older shapes) and returns
 * the next version's file. It must be pure.
 */
export type BackupMigration = (file: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, BackupMigration>> = {
  // 1 → 2 (issue 11): sync versions and tombstones. A version 1 file has none: its records date
  // from their own updatedAt when they are merged, and it deletes nothing.
  1: (file) => ({ ...file, data: { ...(file.data as Record<string, unknown>), versions: [] } }),
};

/** The oldest version a chain of migrations can bring up to `current`. */
export function oldestSupported(migrations: Readonly<Record<number, BackupMigration>>, current: number): number {
  let v = current;
  while (migrations[v - 1]) v--;
  return v;
}
