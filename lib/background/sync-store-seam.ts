/**
 * TEMPORARY seam (issue 11, sync-net branch): where the background gets the database's SyncStore.
 * The sync-db branch implements SyncStore in lib/db/repositories/sync.ts; at merge this function
 * returns that store (and SyncService should take the device id from store.deviceId()).
 */
import type { VettedDb } from '../db/database';
import { SyncError, type SyncStore } from '../sync/types';

export function syncStoreFor(_db: VettedDb): SyncStore {
  const missing = async (): Promise<never> => {
    throw new SyncError('not-connected', 'sync engine not merged yet');
  };
  return { deviceId: missing, cursors: missing, applyChunk: missing, unpushed: missing, ownRecords: missing, markPushed: missing, lastSeq: missing };
}
