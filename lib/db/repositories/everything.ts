/** Whole-database writes and counts. */
import { TABLE_NAMES, type VettedDb } from '../database';

/**
 * Delete everything: every user table emptied in one transaction (the recorder sees each row go,
 * the stamper writes their tombstones). Sync bookkeeping stays: the deletes are changes to sync.
 */
export async function deleteEverything(db: VettedDb): Promise<void> {
  const tables = TABLE_NAMES.map((t) => db.table(t));
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
  });
}

export async function countRows(db: VettedDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction('r', db.tables, async () => {
    for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
  });
  return counts;
}
