/**
 * Creating or joining the sync workspace on the user's WebDAV storage (issue 11):
 *
 *   vetted/<workspaceId>/workspace.json            created once (If-None-Match: *), never rewritten
 *   vetted/<workspaceId>/devices/<deviceId>/device.json   encrypted: this device's name, last sync
 *
 * Joining reads the workspace there (several: the oldest). A wrong passphrase throws before
 * anything is written, here or on the server. Servers that ignore If-None-Match (rclone) may let
 * two creators overwrite each other: after creating, the file is read back and what is there wins.
 */
import { z } from 'zod';
import { createChunkCipher, createDataKey, unwrapDataKey, type WrappedDataKey } from './crypto';
import { SyncError, type ChunkCipher, type RemoteStorage } from './types';

export const SYNC_FOLDER = 'vetted';
export const WORKSPACE_FORMAT = 1;

const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  workspaceId: z.string().min(1).max(100),
  createdAt: z.number().int().nonnegative(),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(1),
    salt: z.string().min(1).max(200),
  }),
  wrappedKey: z.string().min(1).max(1000),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

export const workspaceRoot = (workspaceId: string) => `${SYNC_FOLDER}/${workspaceId}`;
const workspacePath = (workspaceId: string) => `${workspaceRoot(workspaceId)}/workspace.json`;
export const devicePath = (workspaceId: string, deviceId: string) => `${workspaceRoot(workspaceId)}/devices/${deviceId}/device.json`;

const enc = new TextEncoder();
const dec = new TextDecoder();
const ID_RE = /^[A-Za-z0-9_-]{1,100}$/;

export function newId(): string {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function parseWorkspace(bytes: Uint8Array, workspaceId: string): WorkspaceFile {
  let json: unknown;
  try {
    json = JSON.parse(dec.decode(bytes));
  } catch {
    throw new SyncError('corrupt', 'The workspace file on the server is damaged (not JSON).');
  }
  const parsed = WorkspaceFileSchema.safeParse(json);
  if (!parsed.success) {
    const format = (json as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > WORKSPACE_FORMAT) {
      throw new SyncError('corrupt', 'The workspace on the server was made by a newer Vetted. Update Vetted on this device.');
    }
    throw new SyncError('corrupt', 'The workspace file on the server is damaged.');
  }
  if (parsed.data.workspaceId !== workspaceId)
    throw new SyncError('corrupt', 'The workspace file on the server belongs to another folder.');
  return parsed.data;
}

async function readWorkspace(remote: RemoteStorage, workspaceId: string): Promise<WorkspaceFile | null> {
  const bytes = await remote.get(workspacePath(workspaceId));
  return bytes ? parseWorkspace(bytes, workspaceId) : null;
}

const wrappedOf = (ws: WorkspaceFile): WrappedDataKey => ({ kdf: ws.kdf, wrappedKey: ws.wrappedKey });

/** The workspaces in vetted/, oldest first (folders without a readable workspace.json are skipped). */
export async function findWorkspaces(remote: RemoteStorage): Promise<WorkspaceFile[]> {
  const entries = await remote.list(SYNC_FOLDER);
  const ids = entries
    .filter((e) => e.name.endsWith('/'))
    .map((e) => e.name.slice(0, -1))
    .filter((id) => ID_RE.test(id));
  const found: WorkspaceFile[] = [];
  for (const id of ids) {
    try {
      const ws = await readWorkspace(remote, id);
      if (ws) found.push(ws);
    } catch (err) {
      if (!(err instanceof SyncError) || err.code !== 'corrupt') throw err;
    }
  }
  return found.sort((a, b) => a.createdAt - b.createdAt || a.workspaceId.localeCompare(b.workspaceId));
}

export interface ConnectOptions {
  remote: RemoteStorage;
  passphrase: string;
  /** Join or create this workspace; without it: join the (oldest) one there, or create one. */
  workspaceId?: string;
  now?: () => number;
}

export interface Connected {
  workspaceId: string;
  /** Non-extractable AES-GCM data key. */
  key: CryptoKey;
  cipher: ChunkCipher;
  created: boolean;
  /** The wrapped key in workspace.json as joined: each sync checks it is still the one there. */
  wrappedKey: string;
}

async function join(ws: WorkspaceFile, passphrase: string): Promise<Connected> {
  const key = await unwrapDataKey(passphrase, wrappedOf(ws), ws.workspaceId);
  return { workspaceId: ws.workspaceId, key, cipher: createChunkCipher(key), created: false, wrappedKey: ws.wrappedKey };
}

export async function connect(options: ConnectOptions): Promise<Connected> {
  const { remote, passphrase } = options;
  const now = options.now ?? Date.now;
  if (passphrase.length === 0) throw new SyncError('wrong-passphrase', 'Enter an encryption passphrase.');
  if (options.workspaceId !== undefined && !ID_RE.test(options.workspaceId)) {
    throw new SyncError('not-connected', 'That workspace id is not valid.');
  }

  let workspaceId = options.workspaceId;
  if (workspaceId) {
    const existing = await readWorkspace(remote, workspaceId);
    if (existing) return join(existing, passphrase);
  } else {
    const found = await findWorkspaces(remote);
    if (found[0]) return join(found[0], passphrase);
    // Nothing under vetted/ yet: make sure the address itself is a WebDAV folder before creating.
    await remote.list('');
    workspaceId = newId();
  }

  const { key, wrapped } = await createDataKey(passphrase, workspaceId);
  const file: WorkspaceFile = { format: WORKSPACE_FORMAT, workspaceId, createdAt: now(), ...wrapped };
  const body = enc.encode(JSON.stringify(file, null, 2));
  await remote.ensureDir(`${workspaceRoot(workspaceId)}/devices`);
  const put = await remote.put(workspacePath(workspaceId), body, { createOnly: true });
  // Read back: 'exists' means another device created it first; on a server that ignores
  // If-None-Match a simultaneous creator may have overwritten ours. What is there wins.
  let there = await readWorkspace(remote, workspaceId);
  // Created by another device this very moment (its upload still running): give it a moment.
  for (let tries = 0; !there && put === 'exists' && tries < 10; tries++) {
    await new Promise((r) => setTimeout(r, 200));
    there = await readWorkspace(remote, workspaceId);
  }
  if (!there) throw new SyncError('bad-response', 'The server accepted the workspace file but does not return it.');
  if (put === 'written' && there.wrappedKey === file.wrappedKey) {
    return { workspaceId, key, cipher: createChunkCipher(key), created: true, wrappedKey: file.wrappedKey };
  }
  return join(there, passphrase);
}

/**
 * One GET before each sync: the workspace is still the one this device joined. A server that
 * ignores If-None-Match can, in a race of two first connects, end with one creator holding a key
 * that is no longer there; it must not push chunks nobody can read. Also catches a deleted folder.
 */
export async function verifyWorkspace(remote: RemoteStorage, workspaceId: string, wrappedKey: string): Promise<void> {
  const ws = await readWorkspace(remote, workspaceId);
  if (!ws) {
    throw new SyncError(
      'not-connected',
      'The sync workspace is no longer on the server (was the vetted folder deleted?). Disconnect and connect again.',
    );
  }
  if (ws.wrappedKey !== wrappedKey) {
    throw new SyncError(
      'not-connected',
      'The sync workspace on the server was replaced by another device. Disconnect and connect again with your passphrase.',
    );
  }
}

// ------------------------------------------------------------------ devices

const DeviceFileSchema = z.object({
  deviceId: z.string(),
  name: z.string().max(200),
  joinedAt: z.number(),
  lastSyncAt: z.number().nullable(),
});
export type DeviceInfo = z.infer<typeof DeviceFileSchema>;

/** Writes this device's own encrypted device.json (only this device writes it). */
export async function registerDevice(remote: RemoteStorage, cipher: ChunkCipher, workspaceId: string, info: DeviceInfo): Promise<void> {
  const path = devicePath(workspaceId, info.deviceId);
  await remote.put(path, await cipher.seal(path, enc.encode(JSON.stringify(info))));
}

/** Every device folder of the workspace, with what its device.json says (unreadable ones by id). */
export async function listDevices(remote: RemoteStorage, cipher: ChunkCipher, workspaceId: string): Promise<DeviceInfo[]> {
  const folders = (await remote.list(`${workspaceRoot(workspaceId)}/devices`)).filter((e) => e.name.endsWith('/'));
  const out: DeviceInfo[] = [];
  for (const f of folders) {
    const deviceId = f.name.slice(0, -1);
    const path = devicePath(workspaceId, deviceId);
    const fallback: DeviceInfo = { deviceId, name: 'Unnamed device', joinedAt: 0, lastSyncAt: null };
    const bytes = await remote.get(path);
    if (!bytes) {
      out.push(fallback);
      continue;
    }
    try {
      const parsed = DeviceFileSchema.safeParse(JSON.parse(dec.decode(await cipher.open(path, bytes))));
      out.push(parsed.success && parsed.data.deviceId === deviceId ? parsed.data : fallback);
    } catch {
      out.push(fallback);
    }
  }
  return out.sort((a, b) => (b.lastSyncAt ?? 0) - (a.lastSyncAt ?? 0));
}

/** "Chrome on Linux" from a user agent string. */
export function deviceName(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /OPR\//.test(userAgent)
        ? 'Opera'
        : /Chrom(e|ium)\//.test(userAgent)
          ? /Chromium\//.test(userAgent)
            ? 'Chromium'
            : 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : 'another system';
  return `${browser} on ${os}`;
}
