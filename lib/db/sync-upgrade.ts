/**
 * Schema version 9 (issue 11): every row that exists before sync gets an index row with a version
 * — its own last change time, so two devices restored from one backup agree on which copy is newer
 * — and this device's id, waiting to be pushed. The rows themselves are not rewritten.
 */
import type { Transaction } from 'dexie';
import { SYNCED_TABLES } from '../sync/types';
import { newDeviceId, type ClockMeta, type SyncIndexRow } from './sync-index';

type Row = Record<string, unknown>;

function versionOf(row: Row): number {
  for (const f of ['updatedAt', 'createdAt']) {
    const t = row[f];
    if (typeof t === 'number' && Number.isFinite(t) && t > 0) return Math.floor(t);
  }
  return 1;
}

export async function indexExistingRows(tx: Transaction): Promise<void> {
  const deviceId = newDeviceId();
  let maxV = 0;
  const index = tx.table('syncIndex');
  for (const table of SYNCED_TABLES) {
    const t = tx.table(table);
    const [rows, keys] = await Promise.all([t.toArray(), t.toCollection().primaryKeys()]);
    if (rows.length === 0) continue;
    const entries = (rows as Row[]).map((row, i): SyncIndexRow => {
      const v = versionOf(row);
      maxV = Math.max(maxV, v);
      return { table, key: keys[i] as SyncIndexRow['key'], v, d: deviceId, lseq: 1, src: 'l' };
    });
    await index.bulkPut(entries);
  }
  const clock: ClockMeta = { key: 'clock', deviceId, maxV, lseq: 1 };
  await tx.table('syncMeta').put(clock);
}
