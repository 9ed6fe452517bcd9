/** The merge rule: newer updatedAt wins, equal or older is skipped, unknown is added, nothing deleted. */
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup';
import { getSettings } from '../../../lib/db/repositories/settings';
import type { VettedDb } from '../../../lib/db/database';
import { fill, freshDb, NOW, T0 } from './sample-data';

const open: VettedDb[] = [];
function db(): VettedDb {
  const d = freshDb();
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

async function fileWith(change: (file: any) => void): Promise<string> {
  const source = db();
  await fill(source);
  const file = JSON.parse((await exportBackup(source, NOW)).text);
  // These files are edited by hand as if written elsewhere: without their sync versions they merge
  // by updatedAt (a file from before sync); the versions of a real file are tested in tests/unit/sync.
  delete file.data.versions;
  change(file);
  return JSON.stringify(file);
}

describe('import merge rule', () => {
  it('replaces a record when the file’s copy is newer, keeps ours when it is equal or older', async () => {
    const text = await fileWith((f) => {
      const n1 = f.data.notes.find((n: any) => n.id === 'note-1');
      n1.body = 'edited on the laptop';
      n1.updatedAt = T0 + 10;
      const n2 = f.data.notes.find((n: any) => n.id === 'note-2');
      n2.body = 'stale copy';
      n2.updatedAt = T0 - 10;
      f.data.payments[0].note = 'same time, different text';
    });
    const target = db();
    await fill(target);
    const report = await importBackup(target, text, NOW);

    expect(report.tables.notes).toEqual({ added: 0, updated: 1, skipped: 1 });
    expect(report.tables.payments).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect((await target.notes.get('note-1'))?.body).toBe('edited on the laptop');
    expect((await target.notes.get('note-2'))?.body).toBe('Asked for 10% more');
    expect((await target.payments.get('pay-1'))?.note).toBe('first');
  });

  it('adds records we do not have and never deletes ours', async () => {
    const text = await fileWith((f) => {
      f.data.notes.push({
        id: 'note-9',
        contractorKey: 'upwork:~01abc',
        kind: 'reference',
        body: 'Called Ana',
        createdAt: T0,
        updatedAt: T0,
      });
      f.data.checks.push({ contractorKey: 'upwork:~01abc', itemId: 'budget-set', state: 'done', updatedAt: T0 });
      f.data.milestones = [];
    });
    const target = db();
    await fill(target);
    const report = await importBackup(target, text, NOW);
    expect(report.tables.notes?.added).toBe(1);
    expect(report.tables.checks?.added).toBe(1);
    expect(await target.notes.get('note-9')).toMatchObject({ body: 'Called Ana' });
    expect(await target.checks.get(['upwork:~01abc', 'budget-set'])).toMatchObject({ state: 'done' });
    expect(await target.milestones.get('ms-1')).toBeDefined();
  });

  it('totals are the sum of the per-table counts', async () => {
    const text = await fileWith((f) => {
      f.data.notes[0].updatedAt = T0 + 1;
      f.data.notes.push({ id: 'note-9', projectId: 'proj-1', kind: 'budget', body: 'x', createdAt: T0, updatedAt: T0 });
    });
    const target = db();
    await fill(target);
    const report = await importBackup(target, text, NOW);
    const sum = (k: 'added' | 'updated' | 'skipped') => Object.values(report.tables).reduce((s, c) => s + c[k], 0);
    expect(report.added).toBe(sum('added'));
    expect(report.updated).toBe(sum('updated'));
    expect(report.skipped).toBe(sum('skipped'));
    expect(report.added).toBe(1);
    expect(report.updated).toBe(1);
  });

  it('settings: keeps the newer, and keeps checklist items only the other side knows', async () => {
    const text = await fileWith((f) => {
      f.data.settings.updatedAt = T0 - 100;
      f.data.settings.defaultCurrency = 'GBP';
      f.data.settings.checklist.push({ id: 'nda-signed', label: 'NDA signed', group: 'contract-budget' });
    });
    const target = db();
    await fill(target);
    const report = await importBackup(target, text, NOW);
    const settings = await getSettings(target);
    expect(settings.defaultCurrency).toBe('EUR'); // ours is newer
    expect(settings.checklist.map((i) => i.id)).toContain('nda-signed');
    expect(report.tables.settings).toEqual({ added: 0, updated: 1, skipped: 0 });
  });

  it('settings: the merged checklist stays within the 200-item limit', async () => {
    const many = (prefix: string) =>
      Array.from({ length: 150 }, (_, i) => ({ id: `${prefix}-${i}`, label: `${prefix} ${i}`, group: 'before-hiring' as const }));
    const text = await fileWith((f) => {
      f.data.settings.updatedAt = T0 - 100;
      f.data.settings.checklist = many('theirs');
    });
    const target = db();
    await fill(target);
    await target.settings.update('settings', { checklist: many('ours') });
    await importBackup(target, text, NOW);
    const checklist = (await getSettings(target)).checklist;
    expect(checklist).toHaveLength(200);
    expect(checklist.slice(0, 150).every((i) => i.id.startsWith('ours-'))).toBe(true);
  });

  it('settings: takes the file’s when newer, without losing our record of the last backup', async () => {
    const text = await fileWith((f) => {
      f.data.settings.updatedAt = NOW;
      f.data.settings.defaultCurrency = 'JPY';
      delete f.data.settings.lastBackupAt;
    });
    const target = db();
    await fill(target);
    await target.settings.update('settings', { lastBackupAt: T0 + 5 });
    await importBackup(target, text, NOW + 1);
    const settings = await getSettings(target);
    expect(settings.defaultCurrency).toBe('JPY');
    // The file itself is a backup made at NOW (its exportedAt): the later of the two is kept.
    expect(settings.lastBackupAt).toBe(NOW);
    expect(settings.lastChangeAt).toBe(NOW + 1);
  });

  it('an import that changes nothing does not count as a change', async () => {
    const source = db();
    await fill(source);
    const { text } = await exportBackup(source, NOW);
    const before = (await getSettings(source)).lastChangeAt;
    await importBackup(source, text, NOW + 50);
    expect((await getSettings(source)).lastChangeAt).toBe(before);
  });
});
