/**
 * TEMPORARY (issue 11, sync-net branch): stands in for the sync engine of the sync-db branch,
 * which replaces this whole file at merge. It only declares the signature the background calls.
 */
import { SyncError, type ChunkCipher, type RemoteStorage, type SyncReport, type SyncStore } from './types';

export async function syncOnce(_deps: {
  store: SyncStore;
  remote: RemoteStorage;
  cipher: ChunkCipher;
  /** 'vetted/<workspaceId>' */
  root: string;
  now?: () => number;
  signal?: AbortSignal;
}): Promise<SyncReport> {
  throw new SyncError('not-connected', 'sync engine not merged yet');
}
