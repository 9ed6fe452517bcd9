import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup';
import { BACKUP_VERSION } from '../../../lib/backup/format';
import { getSettings } from '../../../lib/db/repositories/settings';
import type { VettedDb } from '../../../lib/db/database';
import { dump, fill, freshDb, NOW, sampleData } from './sample-data';

const open: VettedDb[] = [];
function db(): VettedDb {
  const d = freshDb();
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

/** Bookkeeping fields that legitimately differ after a backup/restore. */
function withoutBookkeeping(tables: Record<string, unknown[]>) {
  const { settings, ...rest } = tables;
  const strip = (s: unknown) => {
    const { lastBackupAt: _b, lastChangeAt: _c, lastRestoreAt: _r, updatedAt: _u, ...kept } = s as Record<string, unknown>;
    return kept;
  };
  return { ...rest, settings: (settings ?? []).map(strip) };
}

describe('exportBackup', () => {
  it('writes a versioned file with every table and a dated file name', async () => {
    const source = db();
    await fill(source);
    const { text, filename } = await exportBackup(source, NOW);
    const file = JSON.parse(text);
    expect(file.format).toBe('vetted-backup');
    expect(file.version).toBe(BACKUP_VERSION);
    expect(file.exportedAt).toBe(NOW);
    expect(Object.keys(file.data).sort()).toEqual(
      ['checks', 'contractors', 'lists', 'milestones', 'notes', 'payments', 'projects', 'ratings', 'settings', 'versions'].sort(),
    );
    // Format 2: one sync version per record (and tombstone), none waiting-to-push bookkeeping.
    const records = ['checks', 'contractors', 'lists', 'milestones', 'notes', 'payments', 'projects', 'ratings'].reduce(
      (n, t) => n + file.data[t].length,
      1,
    );
    expect(file.data.versions).toHaveLength(records);
    expect(
      file.data.versions.every((e: Record<string, unknown>) => typeof e.v === 'number' && typeof e.d === 'string' && !('lseq' in e)),
    ).toBe(true);
    expect(file.data.notes).toHaveLength(sampleData().notes.length);
    expect(file.data.settings.defaultCurrency).toBe('EUR');
    expect(filename).toMatch(/^vetted-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const d = new Date(NOW);
    expect(filename).toContain(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
  });

  it('remembers when the last backup was made, without counting it as a change', async () => {
    const source = db();
    await fill(source);
    const before = await getSettings(source);
    await exportBackup(source, NOW);
    const after = await getSettings(source);
    expect(after.lastBackupAt).toBe(NOW);
    expect(after.lastChangeAt).toBe(before.lastChangeAt);
    expect(after.defaultCurrency).toBe('EUR');
  });
});

describe('export → import round trip', () => {
  it('restores every record identically into an empty database', async () => {
    const source = db();
    await fill(source);
    const { text } = await exportBackup(source, NOW);

    const target = db();
    const report = await importBackup(target, text, NOW + 1000);
    const data = sampleData();
    expect(report.tables.notes).toEqual({ added: data.notes.length, updated: 0, skipped: 0 });
    expect(report.tables.payments).toEqual({ added: data.payments.length, updated: 0, skipped: 0 });
    expect(report.added).toBe(
      data.contractors.length +
        data.checks.length +
        data.notes.length +
        data.ratings.length +
        data.projects.length +
        data.milestones.length +
        data.payments.length +
        data.lists.length +
        1,
    );

    expect(withoutBookkeeping(await dump(target))).toEqual(withoutBookkeeping(await dump(source)));
    const again = JSON.parse((await exportBackup(target, NOW + 2000)).text);
    const first = JSON.parse(text);
    for (const table of ['contractors', 'checks', 'notes', 'ratings', 'projects', 'milestones', 'payments', 'lists']) {
      expect(again.data[table], table).toEqual(first.data[table]);
    }
    expect(again.data.settings.checklist).toEqual(first.data.settings.checklist);
  });

  it('marks the data as changed after an import that wrote something', async () => {
    const source = db();
    await fill(source);
    const { text } = await exportBackup(source, NOW);
    const target = db();
    await importBackup(target, text, NOW + 5000);
    expect((await getSettings(target)).lastChangeAt).toBe(NOW + 5000);
  });

  it('importing the same file twice skips everything the second time', async () => {
    const source = db();
    await fill(source);
    const { text } = await exportBackup(source, NOW);
    const target = db();
    await importBackup(target, text, NOW);
    const before = await dump(target);
    const second = await importBackup(target, text, NOW + 9000);
    expect(second.added).toBe(0);
    expect(second.updated).toBe(0);
    expect(second.skipped).toBeGreaterThan(0);
    // Only the record of the restore itself moves.
    expect(withoutBookkeeping(await dump(target))).toEqual(withoutBookkeeping(before));
    expect((await getSettings(target)).lastRestoreAt).toBe(NOW + 9000);
  });
});

// issue 16
describe('backups written before lists existed', () => {
  it('still import, with no lists, and keep the lists already here', async () => {
    const source = db();
    await fill(source);
    const file = JSON.parse((await exportBackup(source, NOW)).text);
    delete file.data.lists;
    const target = db();
    await fill(target, { ...sampleData(), notes: [], payments: [] });
    const report = await importBackup(target, JSON.stringify(file), NOW + 1000);
    expect(report.tables.lists).toEqual({ added: 0, updated: 0, skipped: 0 });
    expect(report.tables.notes?.added).toBe(sampleData().notes.length);
    expect((await target.lists.toArray()).map((l) => l.name)).toEqual(['Logo designers, March']);
  });

  it('a list in a backup is checked like any record', async () => {
    const source = db();
    await fill(source);
    const file = JSON.parse((await exportBackup(source, NOW)).text);
    file.data.lists[0].keys = ['not a key'];
    await expect(importBackup(db(), JSON.stringify(file), NOW)).rejects.toThrow(/In "lists", record #1 \(id "list-1"\): field "keys\[0\]"/);
  });
});
