import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import { defaultSettings, getSettings, isSiteEnabled, markChanged, updateSettings } from '../../../lib/db/repositories/settings';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { freshDb, T0 } from './helpers';

let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('settings', () => {
  it('defaults: default checklist, notifications off, 3 days, USD, every site on, overlay closed', async () => {
    const s = await getSettings(db);
    expect(s).toEqual({
      checklist: [...DEFAULT_CHECKLIST],
      notifications: false,
      dueSoonDays: 3,
      defaultCurrency: 'USD',
      sites: { upwork: true, fiverr: true, freelancer: true, peopleperhour: true, guru: true, toptal: true, contra: true, malt: true },
      overlayOpen: false,
      updatedAt: 0,
    });
    expect(await db.settings.count()).toBe(0);
  });

  it('defaults are copies: changing one does not change the next', () => {
    const a = defaultSettings();
    a.sites.upwork = false;
    a.checklist[0]!.label = 'changed';
    expect(defaultSettings().sites.upwork).toBe(true);
    expect(defaultSettings().checklist[0]!.label).toBe(DEFAULT_CHECKLIST[0]!.label);
  });

  it('updates only the given fields; site switches merge', async () => {
    await updateSettings(db, { notifications: true }, T0);
    const s = await updateSettings(db, { sites: { upwork: false } as never }, T0 + 1);
    expect(s).toMatchObject({ notifications: true, dueSoonDays: 3, updatedAt: T0 + 1, lastChangeAt: T0 + 1 });
    expect(s.sites).toEqual({
      upwork: false,
      fiverr: true,
      freelancer: true,
      peopleperhour: true,
      guru: true,
      toptal: true,
      contra: true,
      malt: true,
    });
    expect(await getSettings(db)).toEqual(s);
    expect(await isSiteEnabled(db, 'upwork')).toBe(false);
    expect(await isSiteEnabled(db, 'fiverr')).toBe(true);
    expect(await isSiteEnabled(db, 'generic')).toBe(true);
  });

  it('opening the overlay or recording a backup is not a change worth a backup reminder', async () => {
    await updateSettings(db, { overlayOpen: true }, T0);
    await updateSettings(db, { lastBackupAt: T0 + 1 }, T0 + 1);
    expect((await getSettings(db)).lastChangeAt).toBeUndefined();
    await updateSettings(db, { dueSoonDays: 5 }, T0 + 2);
    expect((await getSettings(db)).lastChangeAt).toBe(T0 + 2);
  });

  it('rejects invalid values without writing', async () => {
    await expect(updateSettings(db, { dueSoonDays: 99 }, T0)).rejects.toThrow(/dueSoonDays/);
    expect(await db.settings.count()).toBe(0);
  });

  it('markChanged creates the row when needed and then only moves lastChangeAt', async () => {
    await db.transaction('rw', db.settings, () => markChanged(db, T0));
    expect((await getSettings(db)).lastChangeAt).toBe(T0);
    await updateSettings(db, { dueSoonDays: 7 }, T0 + 1);
    await db.transaction('rw', db.settings, () => markChanged(db, T0 + 2));
    expect(await getSettings(db)).toMatchObject({ dueSoonDays: 7, lastChangeAt: T0 + 2 });
  });

  it('fills fields missing from a row written by an older build', async () => {
    const { sites: _s, ...partial } = { ...defaultSettings(), key: 'settings' as const, dueSoonDays: 9 };
    await db.settings.put(partial as never);
    expect(await getSettings(db)).toMatchObject({ dueSoonDays: 9, sites: defaultSettings().sites });
  });
});
