/** Whole-database writes and counts. */
import { TABLE_NAMES, type VettedDb } from '../database';

/** Delete everything: every table emptied in one transaction (the recorder sees each row go). */
export async function deleteEverything(db: VettedDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

export async function countRows(db: VettedDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction('r', db.tables, async () => {
    for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
  });
  return counts;
}
