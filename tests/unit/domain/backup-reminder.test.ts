import { describe, expect, it } from 'vitest';
import { backupDue, backupStatus } from '../../../lib/domain/backup-reminder';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('backupDue', () => {
  it('is not due with nothing to save', () => {
    expect(backupDue({}, NOW)).toBe(false);
    expect(backupDue({ lastBackupAt: NOW - 90 * DAY }, NOW)).toBe(false);
    expect(backupDue({ lastBackupAt: null, lastChangeAt: null }, NOW)).toBe(false);
  });

  it('is not due when nothing changed since the last backup, however old', () => {
    expect(backupDue({ lastBackupAt: NOW - 60 * DAY, lastChangeAt: NOW - 61 * DAY }, NOW)).toBe(false);
    expect(backupDue({ lastBackupAt: NOW - 60 * DAY, lastChangeAt: NOW - 60 * DAY }, NOW)).toBe(false);
  });

  it('is due once the last backup is 30 days old and something changed since', () => {
    expect(backupDue({ lastBackupAt: NOW - 31 * DAY, lastChangeAt: NOW - 10 * DAY }, NOW)).toBe(true);
    expect(backupDue({ lastBackupAt: NOW - 30 * DAY, lastChangeAt: NOW - HOUR }, NOW)).toBe(true);
    expect(backupDue({ lastBackupAt: NOW - 30 * DAY + 1, lastChangeAt: NOW - HOUR }, NOW)).toBe(false);
    expect(backupDue({ lastBackupAt: NOW - 29 * DAY, lastChangeAt: NOW - HOUR }, NOW)).toBe(false);
  });

  it('never backed up: waits a day after the first change, then asks', () => {
    expect(backupDue({ lastChangeAt: NOW - HOUR }, NOW)).toBe(false);
    expect(backupDue({ lastChangeAt: NOW - DAY }, NOW)).toBe(true);
    expect(backupDue({ lastChangeAt: NOW - 2 * DAY }, NOW)).toBe(true);
    // Busy since three days ago: the latest change is recent but the data has had no copy for days.
    expect(backupDue({ firstChangeAt: NOW - 3 * DAY, lastChangeAt: NOW - HOUR }, NOW)).toBe(true);
    expect(backupDue({ firstChangeAt: NOW - 2 * HOUR, lastChangeAt: NOW - HOUR }, NOW)).toBe(false);
  });
});

describe('backupStatus', () => {
  it('reports whole days since the backup and unsaved changes', () => {
    expect(backupStatus({ lastBackupAt: NOW - 31 * DAY - HOUR, lastChangeAt: NOW - DAY }, NOW)).toEqual({
      due: true,
      daysSinceBackup: 31,
      hasUnsavedChanges: true,
    });
    expect(backupStatus({ lastBackupAt: NOW - 2 * HOUR, lastChangeAt: NOW - 3 * HOUR }, NOW)).toEqual({
      due: false,
      daysSinceBackup: 0,
      hasUnsavedChanges: false,
    });
    expect(backupStatus({ lastChangeAt: NOW - HOUR }, NOW)).toEqual({ due: false, daysSinceBackup: null, hasUnsavedChanges: true });
  });

  it('does not go negative when the backup time is ahead of the clock', () => {
    expect(backupStatus({ lastBackupAt: NOW + DAY, lastChangeAt: NOW }, NOW).daysSinceBackup).toBe(0);
  });
});
