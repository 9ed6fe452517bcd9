/**
 * Sync bookkeeping kept next to the user's tables (schema version 9, DESIGN.md "Sync"):
 *
 * - `syncIndex`  one row per synced record or tombstone: its version (v, d), whether it is deleted,
 *                `lseq` while it waits to be pushed, `src` ('l': this device is its source on the
 *                remote, 'r': it came from another device's chunk) and `base`, the version it replaced.
 * - `conflicts`  losing versions, kept so the user can look at and restore them.
 * - `syncMeta`   this device's id, the highest version seen, the local change counter, cursors, pushes.
 * - `syncConnection` server settings and the data key (written by lib/sync, declared here).
 *
 * Record keys are the tables' own primary keys: a string, or [contractorKey, itemId] for checks.
 */
import type { SyncedTable } from '../sync/types';
import { SYNCED_TABLES } from '../sync/types';

/** Bookkeeping no view shows: versions, tombstones, losing versions, cursors, badge facts (no change events). */
export const SILENT_TABLES = ['syncIndex', 'conflicts', 'syncMeta', 'badgeFacts'] as const;
/** With the connection and its status, which Options → Sync and the popup do show. */
export const BOOKKEEPING_TABLES = [...SILENT_TABLES, 'syncConnection'] as const;
const BOOKKEEPING = new Set<string>(BOOKKEEPING_TABLES);
const SILENT = new Set<string>(SILENT_TABLES);
const SYNCED = new Set<string>(SYNCED_TABLES);

export const isBookkeeping = (table: string): boolean => BOOKKEEPING.has(table);
export const isSilent = (table: string): boolean => SILENT.has(table);
export const isSynced = (table: string): table is SyncedTable => SYNCED.has(table);

export type RecordKey = string | [string, string];
/** A version: the higher (v, d) wins. */
export type Version = [v: number, d: string];

export interface SyncIndexRow {
  table: SyncedTable;
  key: RecordKey;
  v: number;
  d: string;
  /** A tombstone: the record was deleted by this version. */
  deleted?: true;
  /** Local change counter of the write; present only while the version waits to be pushed. */
  lseq?: number;
  /** 'l': this device wrote or pushed this version (it belongs in its snapshot); 'r': from a remote chunk. */
  src: 'l' | 'r';
  /** The version this one replaced knowingly (absent: unknown). */
  base?: Version;
  /** Versions of field groups merged apart (contractors: u = user fields, p = page fields; settings: per key). */
  g?: Record<string, number>;
}

export interface ConflictRow {
  /** Deterministic: the same losing version kept twice is one row. */
  id: string;
  table: SyncedTable;
  key: RecordKey;
  row: Record<string, unknown>;
  v: number;
  d: string;
  keptAt: number;
}

export interface ClockMeta {
  key: 'clock';
  deviceId: string;
  /** Highest v seen or written here. */
  maxV: number;
  /** Last local change counter handed out. */
  lseq: number;
}
export interface PushMeta {
  key: 'push';
  lastSeq: number;
  mark: number;
  /** Chunks written since the last snapshot chunk. */
  sinceSnapshot: number;
}
export interface CursorMeta {
  key: 'cursors';
  cursors: Record<string, number>;
}
export type SyncMetaRow = ClockMeta | PushMeta | CursorMeta;

/** Compares two versions: negative when a is older. */
export function compareVersion(a: Version, b: Version): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

export const conflictId = (table: string, key: RecordKey, v: number, d: string): string => `${table}|${JSON.stringify(key)}|${v}|${d}`;

/** A fresh device id: 16 characters safe in a folder name. */
export function newDeviceId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
