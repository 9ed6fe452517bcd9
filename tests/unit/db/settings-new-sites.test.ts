/**
 * Issue 13 added Toptal, Contra and Malt, so the settings' `sites` object has keys that rows and
 * backups written before do not. Those must still load and import, with the new sites on, and a
 * switch the user turned off before must stay off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import { SettingsRowSchema } from '../../../lib/db/schema';
import { defaultSettings, getSettings, isSiteEnabled, updateSettings } from '../../../lib/db/repositories/settings';
import { exportBackup, importBackup } from '../../../lib/backup';
import { freshDb, T0 } from './helpers';

const OLD_SITES = { upwork: true, fiverr: false, freelancer: true, peopleperhour: true, guru: true };
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('settings rows and backups from before Toptal, Contra and Malt', () => {
  it('an old settings row loads: the new sites on, the old switches as they were', async () => {
    await db.settings.put({ ...defaultSettings(), sites: OLD_SITES, updatedAt: T0, key: 'settings' } as never);
    const s = await getSettings(db);
    expect(s.sites).toEqual({ ...OLD_SITES, toptal: true, contra: true, malt: true });
    expect(await isSiteEnabled(db, 'malt')).toBe(true);
    expect(await isSiteEnabled(db, 'fiverr')).toBe(false);
    expect(SettingsRowSchema.safeParse(await db.settings.get('settings')).success).toBe(true);
  });

  it('turning a new site off on an old row keeps every other switch', async () => {
    await db.settings.put({ ...defaultSettings(), sites: OLD_SITES, updatedAt: T0, key: 'settings' } as never);
    await updateSettings(db, { sites: { ...(await getSettings(db)).sites, contra: false } }, T0 + 1);
    expect((await getSettings(db)).sites).toEqual({ ...OLD_SITES, toptal: true, contra: false, malt: true });
  });

  it('an old backup without the new keys imports, into an empty database and over existing settings', async () => {
    await updateSettings(db, { sites: { ...defaultSettings().sites, fiverr: false } }, T0);
    const { text } = await exportBackup(db, T0 + 1);
    const old = JSON.parse(text) as {
      data: { settings: { sites: Record<string, boolean>; updatedAt: number; fieldUpdatedAt?: Record<string, number> } };
    };
    old.data.settings.sites = OLD_SITES;
    old.data.settings.updatedAt = T0 + 5;
    // Settings merge key by key (issue 14): the file's switches are the newer ones.
    if (old.data.settings.fieldUpdatedAt) old.data.settings.fieldUpdatedAt.sites = T0 + 5;
    // An old file (before sync versions): edited by hand to be newer, it merges by its times.
    delete (old.data as { versions?: unknown }).versions;
    const oldText = JSON.stringify(old);

    const fresh = freshDb();
    await importBackup(fresh, oldText, T0 + 10);
    expect((await getSettings(fresh)).sites).toEqual({ ...OLD_SITES, toptal: true, contra: true, malt: true });

    await updateSettings(db, { sites: { ...(await getSettings(db)).sites, malt: false } }, T0 + 2);
    await importBackup(db, oldText, T0 + 10); // newer: its switches win, the missing ones stay on
    expect((await getSettings(db)).sites).toEqual({ ...OLD_SITES, toptal: true, contra: true, malt: true });
  });
});
