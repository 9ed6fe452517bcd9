/**
 * The sync connection of this device and the status of its last sync (issue 11), in the
 * syncConnection table (schema version 9). Each function is one transaction.
 */
import type { VettedDb } from '../database';
import type { SyncConnection, SyncStatus } from '../schema';

const EMPTY_STATUS: SyncStatus = { key: 'status', lastSyncAt: null, lastAttemptAt: null, lastError: null };

export async function getConnection(db: VettedDb): Promise<SyncConnection | undefined> {
  const row = await db.syncConnection.get('connection');
  return row?.key === 'connection' ? row : undefined;
}

export async function getSyncStatus(db: VettedDb): Promise<SyncStatus> {
  const row = await db.syncConnection.get('status');
  return row?.key === 'status' ? row : { ...EMPTY_STATUS };
}

/** Saves a new connection and starts its status afresh. */
export async function saveConnection(db: VettedDb, connection: Omit<SyncConnection, 'key'>): Promise<void> {
  await db.transaction('rw', db.syncConnection, async () => {
    await db.syncConnection.put({ ...connection, key: 'connection' });
    await db.syncConnection.put({ ...EMPTY_STATUS });
  });
}

/** Forgets the connection (the data key included); local data stays. */
export async function clearConnection(db: VettedDb): Promise<boolean> {
  return db.transaction('rw', db.syncConnection, async () => {
    const had = (await db.syncConnection.get('connection')) !== undefined;
    await db.syncConnection.clear();
    return had;
  });
}

/** Records a sync's outcome: a good one clears the error, a failed one keeps the last good time. */
export async function recordSyncResult(db: VettedDb, at: number, error: { code: string; message: string } | null): Promise<SyncStatus> {
  return db.transaction('rw', db.syncConnection, async () => {
    if (!(await db.syncConnection.get('connection'))) return getSyncStatus(db);
    const status = await getSyncStatus(db);
    const next: SyncStatus = error
      ? { ...status, lastAttemptAt: at, lastError: { ...error, at } }
      : { ...status, lastAttemptAt: at, lastSyncAt: at, lastError: null };
    await db.syncConnection.put(next);
    return next;
  });
}
