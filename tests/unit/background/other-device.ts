/**
 * issue 11: another device's edit of a record, merged by the real sync merge (applyVersions) as if
 * pulled from its chunk. It started from the same version as ours and has a lower version, so it
 * loses and is kept as the record's other version ("2 versions").
 */
import { applyVersions, syncScope } from '../../../lib/db/repositories/sync';
import type { RecordKey } from '../../../lib/db/sync-index';
import type { SyncedTable } from '../../../lib/sync/types';
import type { Harness } from './harness';

export async function losingEditFromOtherDevice(
  h: Harness,
  table: SyncedTable,
  key: RecordKey,
  change: Record<string, unknown>,
): Promise<void> {
  const db = h.db;
  const entry = await db.syncIndex.get([table, key]);
  const row = (await db.table(table).get(key as never)) as Record<string, unknown> | undefined;
  if (!entry || !row) throw new Error(`no ${table} ${JSON.stringify(key)} to edit elsewhere`);
  const updatedAt = typeof row.updatedAt === 'number' ? row.updatedAt - 1 : undefined;
  await db.transaction('rw', syncScope(db), async (tx) => {
    const { conflicts } = await applyVersions(
      db,
      tx,
      [{ table, key, row: { ...row, ...change, ...(updatedAt !== undefined ? { updatedAt } : {}) }, v: entry.v - 1, d: 'other-device' }],
      { origin: 'remote', now: h.clock.now, validate: true },
    );
    if (conflicts !== 1) throw new Error(`the other device's ${table} edit was not kept as a conflict`);
  });
}
