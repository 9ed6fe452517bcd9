/**
 * The contract between the sync pieces (issue 11, DESIGN.md "Sync"):
 *
 * - lib/db (sync bookkeeping: v/d stamps, tombstones, conflicts, cursors) implements `SyncStore`;
 * - lib/sync/engine.ts runs one sync (pull, then push) over a `RemoteStorage` and a `ChunkCipher`;
 * - lib/sync/webdav.ts implements `RemoteStorage` over WebDAV (RFC 4918), lib/sync/crypto.ts
 *   `ChunkCipher` (AES-256-GCM, the chunk's path as additional data), lib/sync/workspace.ts creates
 *   or joins `vetted/<workspaceId>/workspace.json`.
 *
 * Remote layout, relative to the workspace folder `vetted/<workspaceId>/`:
 *   workspace.json                       created once (If-None-Match: *), never rewritten
 *   devices/<deviceId>/<seq>.chunk       immutable, written only by that device; seq counts up
 *                                        from 1, zero-padded to 10 digits so names sort
 * No locks, no file written by two devices: correctness never depends on If-Match.
 */
import { TABLE_NAMES } from '../db/constants';

/** Tables whose rows travel between devices: every table of the user's data. */
export const SYNCED_TABLES = TABLE_NAMES;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** A record or tombstone as it travels in a chunk. */
export interface SyncRecord {
  table: SyncedTable;
  /** The row's primary key (checks: [contractorKey, itemId]). */
  key: string | [string, string];
  /** Version: max(now, highest v seen + 1) when written. The higher (v, d) wins. */
  v: number;
  /** Id of the device that wrote this version. */
  d: string;
  /** The row as written, or null for a tombstone (the row was deleted). */
  row: Record<string, unknown> | null;
  /** The version this one replaced knowingly, when known (no conflict is kept for it). */
  base?: [v: number, d: string];
  /** Versions of field groups merged apart (contractors: u = user fields, p = page fields; settings: per key). */
  g?: Record<string, number>;
}

/** The decrypted body of one chunk file. */
export interface ChunkBody {
  format: 1;
  deviceId: string;
  seq: number;
  /** A snapshot holds every record this device is the source of; its older chunks can go. */
  snapshot: boolean;
  createdAt: number;
  records: SyncRecord[];
}

/** A file in a remote folder. */
export interface RemoteEntry {
  /** Name inside the folder (no slashes); folders end with '/'. */
  name: string;
  size?: number;
}

/** Errors a RemoteStorage throws, in words a user understands (see SyncError). */
export type RemoteErrorCode =
  'unreachable' | 'auth' | 'forbidden' | 'disk-full' | 'certificate' | 'not-webdav' | 'server-error' | 'bad-response';

export class SyncError extends Error {
  constructor(
    readonly code: RemoteErrorCode | 'wrong-passphrase' | 'corrupt' | 'not-connected' | 'aborted',
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** A dumb file store. Paths are relative to the user's WebDAV root, '/'-separated, no leading '/'. */
export interface RemoteStorage {
  /** Entries directly inside a folder; [] when the folder does not exist. */
  list(dir: string): Promise<RemoteEntry[]>;
  /** A file's bytes, or null when it does not exist. */
  get(path: string): Promise<Uint8Array | null>;
  /**
   * Writes a file. With `createOnly` the write is `If-None-Match: *` and returns 'exists' when the
   * server refused because the file is there (servers that ignore the header may overwrite: callers
   * only use createOnly where that is harmless, or check by reading back).
   */
  put(path: string, body: Uint8Array, opts?: { createOnly?: boolean }): Promise<'written' | 'exists'>;
  /** Deletes a file; a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Creates a folder and its parents (MKCOL); existing folders are fine. */
  ensureDir(dir: string): Promise<void>;
}

/** Encrypts and authenticates chunk bytes, bound to their path. */
export interface ChunkCipher {
  seal(path: string, plain: Uint8Array): Promise<Uint8Array>;
  /** Throws SyncError('corrupt') when the bytes were altered or belong to another path. */
  open(path: string, sealed: Uint8Array): Promise<Uint8Array>;
}

/** What the engine needs from the local database (lib/db). Every method is one transaction. */
export interface SyncStore {
  deviceId(): Promise<string>;
  /** deviceId → highest seq of that device already merged here. */
  cursors(): Promise<Record<string, number>>;
  /**
   * Merges one remote chunk and advances that device's cursor to `seq` in the same transaction.
   * Remote v/d are kept as they are (not re-stamped); losing versions go to `conflicts`.
   */
  applyChunk(chunk: ChunkBody): Promise<{ applied: number; conflicts: number }>;
  /** Records and tombstones this device has not pushed yet (local writes, imports), and a mark. */
  unpushed(): Promise<{ records: SyncRecord[]; mark: number }>;
  /** Every record and tombstone this device must keep on the remote (for a snapshot chunk). */
  ownRecords(): Promise<SyncRecord[]>;
  /** Records that chunk `seq` holds everything up to `mark` (from unpushed()). */
  markPushed(seq: number, mark: number): Promise<void>;
  /** The last seq this device wrote (0 before its first push). */
  lastSeq(): Promise<number>;
}

export interface SyncReport {
  pulledChunks: number;
  pushedRecords: number;
  conflicts: number;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  /** A snapshot chunk was written (and this device's older chunks deleted). */
  snapshot?: boolean;
}
