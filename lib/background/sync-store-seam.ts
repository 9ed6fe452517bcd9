/** Where the background gets the database's SyncStore (lib/db/repositories/sync.ts). */
import type { VettedDb } from '../db/database';
import { createSyncStore } from '../db/repositories/sync';
import type { SyncStore } from '../sync/types';

export function syncStoreFor(db: VettedDb): SyncStore {
  return createSyncStore(db);
}
