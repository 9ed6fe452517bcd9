/** issue 15: the interview kits and the client's name travel in the backup; older files without them still import. */
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '../../../lib/backup';
import { getSettings, updateSettings } from '../../../lib/db/repositories/settings';
import type { VettedDb } from '../../../lib/db/database';
import { fill, freshDb, NOW } from './sample-data';

const open: VettedDb[] = [];
const db = () => {
  const d = freshDb();
  open.push(d);
  return d;
};
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete();
});

const kits = [{ id: 'web', label: 'Websites', questions: ['Which CMS?', 'Who hosts it?'] }];

describe('backup: interview kits and client name', () => {
  it('round-trips them', async () => {
    const source = db();
    await fill(source);
    await updateSettings(source, { interviewKits: kits, clientName: 'Lee Bakery Ltd' }, NOW);
    const { text } = await exportBackup(source, NOW + 1);
    expect(JSON.parse(text).data.settings.interviewKits).toEqual(kits);
    const target = db();
    await importBackup(target, text, NOW + 2);
    const settings = await getSettings(target);
    expect(settings.interviewKits).toEqual(kits);
    expect(settings.clientName).toBe('Lee Bakery Ltd');
  });

  it('imports a file written before they existed (the default kits apply)', async () => {
    const source = db();
    await fill(source);
    const { text } = await exportBackup(source, NOW);
    const file = JSON.parse(text);
    expect('interviewKits' in file.data.settings).toBe(false);
    expect('clientName' in file.data.settings).toBe(false);
    const target = db();
    const report = await importBackup(target, text, NOW + 1);
    expect(report.tables.settings).toBeDefined();
    expect((await getSettings(target)).interviewKits).toBeUndefined();
  });

  it('refuses a kit without a label, naming the field', async () => {
    const source = db();
    await fill(source);
    const file = JSON.parse((await exportBackup(source, NOW)).text);
    file.data.settings.interviewKits = [{ id: 'x', label: '', questions: [] }];
    await expect(importBackup(db(), JSON.stringify(file), NOW)).rejects.toThrow(/interviewKits/);
  });
});
