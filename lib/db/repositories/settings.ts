import { DEFAULT_CHECKLIST } from '../../domain/checklist';
import { SETTINGS_KEYS, type SettingsKey } from '../../domain/merge';
import type { VettedDb } from '../database';
import { compact, validate } from '../errors';
import { MARKETPLACE_IDS, SettingsRowSchema, type MarketplaceId, type Settings, type SettingsRow } from '../schema';

const KEY = 'settings';

export function defaultSettings(): Settings {
  return {
    checklist: DEFAULT_CHECKLIST.map((item) => ({ ...item })),
    notifications: false,
    dueSoonDays: 3,
    defaultCurrency: 'USD',
    sites: Object.fromEntries(MARKETPLACE_IDS.map((s) => [s, true])) as Record<MarketplaceId, boolean>,
    overlayOpen: false,
    updatedAt: 0,
  };
}

function withoutKey(row: SettingsRow): Settings {
  const { key: _key, ...settings } = row;
  return settings;
}

/** Stored settings, or the defaults when nothing was saved yet. */
export async function getSettings(db: VettedDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  if (!row) return defaultSettings();
  // Tolerate rows written by an older build that lacked a field: defaults fill the gaps.
  return { ...defaultSettings(), ...withoutKey(row), sites: { ...defaultSettings().sites, ...row.sites } };
}

/** Fields whose change is not user data worth a backup reminder. */
const NOT_USER_DATA = new Set<keyof Settings>(['overlayOpen', 'lastBackupAt', 'lastChangeAt', 'updatedAt']);

/** Partial update: only the given fields change; other fields keep what another view saved. */
export async function updateSettings(db: VettedDb, patch: Partial<Settings>, now: number): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const changes: Partial<Settings> = compact({ ...patch, updatedAt: now });
    if (Object.keys(patch).some((k) => !NOT_USER_DATA.has(k as keyof Settings))) changes.lastChangeAt = now;
    if (patch.sites) changes.sites = { ...current.sites, ...patch.sites };
    const chosen = SETTINGS_KEYS.filter((k) => patch[k] !== undefined);
    if (chosen.length > 0) {
      // A row from before per-key times: its keys date from its last update.
      const times: Partial<Record<SettingsKey, number>> = current.fieldUpdatedAt
        ? { ...current.fieldUpdatedAt }
        : current.updatedAt > 0
          ? Object.fromEntries(SETTINGS_KEYS.map((k) => [k, current.updatedAt]))
          : {};
      for (const k of chosen) times[k] = now;
      changes.fieldUpdatedAt = times;
    }
    const next = validate(SettingsRowSchema, { ...current, ...changes, key: KEY }, 'settings');
    const updated = await db.settings.update(KEY, changes);
    if (!updated) await db.settings.put(next);
    return withoutKey(next);
  });
}

/**
 * Records that user data changed (drives the backup reminder). Call inside the write's
 * transaction, which must include the settings table.
 */
export async function markChanged(db: VettedDb, now: number): Promise<void> {
  const updated = await db.settings.update(KEY, { lastChangeAt: now });
  if (!updated) {
    await db.settings.put(validate(SettingsRowSchema, { ...defaultSettings(), lastChangeAt: now, key: KEY }, 'settings'));
  }
}

export async function isSiteEnabled(db: VettedDb, site: string): Promise<boolean> {
  if (!(MARKETPLACE_IDS as readonly string[]).includes(site)) return true; // 'generic': user asked explicitly
  const settings = await getSettings(db);
  return settings.sites[site as MarketplaceId] !== false;
}
