/** Issue 18: a large backup goes to the background in parts, with progress; a small one in one message. On the real router. */
import { beforeEach, describe, expect, it } from 'vitest';
import { sendBackup, type ImportProgress } from '../../../components/options/send-backup';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const optionsPage = senders.options;
const KEY = 'upwork:~01abc';
let bg: RealBackground;
let backup: string;

/** A real export of one tracked contractor with a note, then everything deleted: the import must bring them back. */
beforeEach(async () => {
  bg = realBackground(optionsPage);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Careful with deadlines' });
  backup = (await bg.ok('exportBackup', {}, optionsPage())).text;
  await bg.ok('deleteEverything', { confirm: 'DELETE' }, optionsPage());
  expect(await bg.db.contractors.count()).toBe(0);
  bg.sent.length = 0;
});

const restored = async () => ({
  contractor: (await bg.db.contractors.get(KEY))?.name,
  notes: (await bg.db.notes.where('contractorKey').equals(KEY).toArray()).map((n) => n.body),
});

describe('sendBackup', () => {
  it('sends a large file in parts, then imports the upload by its id, reporting each step', async () => {
    const size = Math.ceil(backup.length / 3);
    const progress: ImportProgress[] = [];
    const report = await sendBackup(backup, (p) => progress.push(p), size);
    const parts = bg.sent.filter((r) => r.type === 'importBackupPart').map((r) => r.payload as Record<string, unknown>);
    expect(parts.map((p) => p.text).join('')).toBe(backup);
    expect(parts.map((p) => [p.index, p.count])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(new Set(parts.map((p) => p.uploadId)).size).toBe(1);
    expect(bg.sent.map((r) => r.type)).toEqual(['importBackupPart', 'importBackupPart', 'importBackupPart', 'importBackup']);
    expect(bg.sent.at(-1)).toEqual({ type: 'importBackup', payload: { uploadId: parts[0]!.uploadId } });
    expect(progress).toEqual([
      { phase: 'sending', sent: 0, total: 3 },
      { phase: 'sending', sent: 1, total: 3 },
      { phase: 'sending', sent: 2, total: 3 },
      { phase: 'writing' },
    ]);
    // The background put the parts together and imported the whole file.
    expect(report.tables.contractors).toMatchObject({ added: 1 });
    expect(await restored()).toEqual({ contractor: 'Ada Lovelace', notes: ['Careful with deadlines'] });
  });

  it('sends a small file as one message', async () => {
    const progress: ImportProgress[] = [];
    const report = await sendBackup(backup, (p) => progress.push(p), backup.length);
    expect(bg.sent).toEqual([{ type: 'importBackup', payload: { text: backup } }]);
    expect(progress).toEqual([{ phase: 'writing' }]);
    expect(report.tables.contractors).toMatchObject({ added: 1 });
    expect(await restored()).toEqual({ contractor: 'Ada Lovelace', notes: ['Careful with deadlines'] });
  });

  it('a file the background refuses is one message and stores nothing', async () => {
    await expect(sendBackup('{}', undefined, 4)).rejects.toThrow();
    expect(bg.sent).toEqual([{ type: 'importBackup', payload: { text: '{}' } }]);
    expect(await bg.db.contractors.count()).toBe(0);
  });
});
