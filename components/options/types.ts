import type { Settings } from '../../lib/db/schema';

/** Saves a partial settings update; resolves false (and the page shows why) when it failed. */
export type SaveSettings = (patch: Partial<Settings>) => Promise<boolean>;
