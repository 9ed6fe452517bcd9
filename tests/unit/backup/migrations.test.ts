/**
 * The migration pattern: a file of an older version is brought up one step at a time before it is
 * validated. Shown with a synthetic version 0 whose notes had `text` instead of `body`.
 */
import { describe, expect, it } from 'vitest';
import { BackupError } from '../../../lib/backup/errors';
import { MIGRATIONS, oldestSupported, type BackupMigration } from '../../../lib/backup/migrations';
import { readBackup } from '../../../lib/backup/read';
import { BACKUP_VERSION } from '../../../lib/backup/format';
import { defaultSettings } from '../../../lib/db/repositories/settings';

const v0ToV1: BackupMigration = (file) => {
  const data = file.data as { notes: { text: string }[] } & Record<string, unknown>;
  return {
    ...file,
    data: { ...data, notes: data.notes.map(({ text, ...rest }) => ({ ...rest, body: text })) },
  };
};

function v0File() {
  return {
    format: 'vetted-backup',
    version: 0,
    exportedAt: 1,
    data: {
      contractors: [],
      checks: [],
      notes: [{ id: 'n1', contractorKey: 'upwork:~01', kind: 'general', text: 'old shape', createdAt: 1, updatedAt: 1 }],
      ratings: [],
      projects: [],
      milestones: [],
      payments: [],
      settings: defaultSettings(),
    },
  };
}

describe('backup migrations', () => {
  it('the real map covers every version from the oldest supported one', () => {
    const oldest = oldestSupported(MIGRATIONS, BACKUP_VERSION);
    for (let v = oldest; v < BACKUP_VERSION; v++) expect(MIGRATIONS[v], `step ${v}→${v + 1}`).toBeTypeOf('function');
    expect(oldest).toBeLessThanOrEqual(BACKUP_VERSION);
  });

  it('migrates a v0 file to v1 on the way in, then validates it', () => {
    const file = readBackup(JSON.stringify(v0File()), { version: 1, migrations: { 0: v0ToV1 } });
    expect(file.version).toBe(1);
    expect(file.data.notes[0]).toMatchObject({ id: 'n1', body: 'old shape' });
    expect(file.data.notes[0]).not.toHaveProperty('text');
  });

  it('chains steps: v0 → v1 → v2', () => {
    const v1ToV2: BackupMigration = (file) => ({ ...file, exportedAt: (file.exportedAt as number) + 1 });
    const file = readBackup(JSON.stringify(v0File()), { version: 2, migrations: { 0: v0ToV1, 1: v1ToV2 } });
    expect(file.version).toBe(2);
    expect(file.exportedAt).toBe(2);
    expect(file.data.notes[0]?.body).toBe('old shape');
  });

  it('without the step, a v0 file is refused as unreadable', () => {
    expect(() => readBackup(JSON.stringify(v0File()), { version: 1, migrations: {} })).toThrow(/format version 0.*cannot read/);
  });

  it('a migrated file that is still wrong is refused with the field named', () => {
    const broken = v0File();
    (broken.data.notes[0] as Record<string, unknown>).text = '';
    expect(() => readBackup(JSON.stringify(broken), { version: 1, migrations: { 0: v0ToV1 } })).toThrow(/"notes".*record #1.*field "body"/);
  });

  it('a step that throws becomes a clear error', () => {
    const failing: BackupMigration = () => {
      throw new Error('notes section unreadable');
    };
    const run = () => readBackup(JSON.stringify(v0File()), { version: 1, migrations: { 0: failing } });
    expect(run).toThrow(BackupError);
    expect(run).toThrow(/could not be upgraded to version 1: notes section unreadable/);
  });
});
