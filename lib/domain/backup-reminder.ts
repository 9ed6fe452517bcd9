/**
 * When to remind the user to back up. Uninstalling the extension deletes its IndexedDB, so the
 * reminder matters, but nagging about a backup with nothing new in it teaches people to ignore it.
 *
 * Rules:
 * - No change ever recorded (or none since the last backup): not due.
 * - Backed up before: due once the last backup is BACKUP_MAX_AGE_DAYS (30) days old and something
 *   changed since.
 * - Never backed up: due once the data is FIRST_BACKUP_GRACE_DAYS (1) day old, measured from
 *   `firstChangeAt` when the caller knows it (e.g. the oldest record's createdAt or the install
 *   time), else from `lastChangeAt`. This leaves a brand-new user a day of trying things out
 *   before asking, and does not wait a month with data that has no copy at all.
 */
const DAY_MS = 86_400_000;
export const BACKUP_MAX_AGE_DAYS = 30;
export const FIRST_BACKUP_GRACE_DAYS = 1;

export interface BackupState {
  lastBackupAt?: number | null;
  lastChangeAt?: number | null;
  firstChangeAt?: number | null;
}

export interface BackupStatus {
  due: boolean;
  /** Whole days since the last backup; null when never backed up. */
  daysSinceBackup: number | null;
  /** Changes not in the last backup (or no backup at all while there is data). */
  hasUnsavedChanges: boolean;
}

export function backupStatus(state: BackupState, now: number): BackupStatus {
  const lastBackupAt = state.lastBackupAt ?? null;
  const lastChangeAt = state.lastChangeAt ?? null;
  const daysSinceBackup = lastBackupAt === null ? null : Math.max(0, Math.floor((now - lastBackupAt) / DAY_MS));
  const hasUnsavedChanges = lastChangeAt !== null && (lastBackupAt === null || lastChangeAt > lastBackupAt);
  let due = false;
  if (hasUnsavedChanges) {
    if (lastBackupAt !== null) due = now - lastBackupAt >= BACKUP_MAX_AGE_DAYS * DAY_MS;
    else {
      const since = Math.min(state.firstChangeAt ?? lastChangeAt!, lastChangeAt!);
      due = now - since >= FIRST_BACKUP_GRACE_DAYS * DAY_MS;
    }
  }
  return { due, daysSinceBackup, hasUnsavedChanges };
}

export function backupDue(state: BackupState, now: number): boolean {
  return backupStatus(state, now).due;
}
