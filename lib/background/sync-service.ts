/**
 * Sync in the background (issue 11): connecting, one sync at a time, status, devices, disconnect.
 * The requests (handlers/sync.ts) and the scheduler (sync-scheduler.ts) both go through here.
 *
 * One sync = check workspace.json is still ours (1 GET) → engine pull+push (lib/sync/engine.ts)
 * → this device's device.json with the time (1 PUT) → status row. Errors land in the status row
 * in plain words; nothing about them is silent (Options, popup).
 */
import type { VettedDb } from '../db/database';
import { clearConnection, getConnection, getSyncStatus, recordSyncResult, saveConnection } from '../db/repositories/sync-connection';
import type { SyncConnection, SyncStatus } from '../db/schema';
import type { SyncStatusView } from '../messaging/protocol';
import { createChunkCipher } from '../sync/crypto';
import { syncOnce } from '../sync/engine';
import { SyncError, type RemoteStorage, type SyncStore } from '../sync/types';
import { createWebDavStorage, normaliseBaseUrl } from '../sync/webdav';
import { connect, deviceName, listDevices, registerDevice, verifyWorkspace, workspaceRoot, type DeviceInfo } from '../sync/workspace';
import { syncStoreFor } from './sync-store-seam';
import { markAllUnpushed } from '../db/repositories/sync';

export type { SyncStatusView };

export interface SyncServiceOptions {
  fetch?: typeof fetch;
  now?: () => number;
  userAgent?: string;
  storeFor?: (db: VettedDb) => SyncStore;
  /** After a sync that wrote to the database or the status (the router's broadcast). */
  afterSync?: () => void | Promise<void>;
}

export interface ConnectInput {
  serverUrl: string;
  user: string;
  password: string;
  passphrase: string;
}

export class SyncService {
  private running: Promise<SyncStatusView> | null = null;
  private again = false;
  private readonly now: () => number;

  constructor(
    private readonly db: VettedDb,
    private readonly options: SyncServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private remote(c: Pick<SyncConnection, 'serverUrl' | 'user' | 'password'>, signal?: AbortSignal): RemoteStorage {
    return createWebDavStorage({ baseUrl: c.serverUrl, user: c.user, password: c.password, fetch: this.options.fetch, signal });
  }

  async status(): Promise<SyncStatusView> {
    const [c, s] = await Promise.all([getConnection(this.db), getSyncStatus(this.db)]);
    return view(c, s, this.running !== null);
  }

  /**
   * Creates or joins the workspace. Nothing is stored locally unless the server, the password and
   * the passphrase were all right; a wrong passphrase writes nothing on the server either.
   */
  async connect(input: ConnectInput): Promise<SyncStatusView> {
    if (await getConnection(this.db)) throw new SyncError('not-connected', 'Already connected. Disconnect first to use another server.');
    const serverUrl = normaliseBaseUrl(input.serverUrl);
    if (!input.user.trim()) throw new SyncError('auth', 'Enter the user name for the server.');
    const creds = { serverUrl, user: input.user.trim(), password: input.password };
    const remote = this.remote(creds);
    const joined = await connect({ remote, passphrase: input.passphrase, now: this.now });
    // The device id is the sync bookkeeping's own (lib/db/stamper.ts stamps every write with it).
    const deviceId = await (this.options.storeFor ?? syncStoreFor)(this.db).deviceId();
    const name = deviceName(this.options.userAgent ?? globalThis.navigator?.userAgent ?? '');
    const at = this.now();
    await registerDevice(remote, joined.cipher, joined.workspaceId, { deviceId, name, joinedAt: at, lastSyncAt: null });
    await saveConnection(this.db, {
      ...creds,
      workspaceId: joined.workspaceId,
      deviceId,
      deviceName: name,
      wrappedKey: joined.wrappedKey,
      dataKey: joined.key,
      connectedAt: at,
    });
    // A workspace joined after another one must still receive everything this device holds.
    await markAllUnpushed(this.db);
    return this.status();
  }

  /** Runs a sync, or joins the one running (and runs once more after it: changes made meanwhile). */
  sync(): Promise<SyncStatusView> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = (async () => {
      try {
        do {
          this.again = false;
          await this.syncOnceRecorded();
        } while (this.again);
      } finally {
        this.running = null;
      }
      return this.status();
    })();
    this.running = run;
    return run;
  }

  private async syncOnceRecorded(): Promise<void> {
    const c = await getConnection(this.db);
    if (!c) return;
    let error: { code: string; message: string } | null = null;
    try {
      const remote = this.remote(c);
      await verifyWorkspace(remote, c.workspaceId, c.wrappedKey);
      const cipher = createChunkCipher(c.dataKey);
      const store = (this.options.storeFor ?? syncStoreFor)(this.db);
      await syncOnce({ store, remote, cipher, root: workspaceRoot(c.workspaceId), now: this.now });
      await registerDevice(remote, cipher, c.workspaceId, {
        deviceId: c.deviceId,
        name: c.deviceName,
        joinedAt: c.connectedAt,
        lastSyncAt: this.now(),
      });
    } catch (err) {
      error =
        err instanceof SyncError
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: `Sync failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    await recordSyncResult(this.db, this.now(), error);
    await this.options.afterSync?.();
  }

  async devices(): Promise<DeviceInfo[]> {
    const c = await getConnection(this.db);
    if (!c) return [];
    return listDevices(this.remote(c), createChunkCipher(c.dataKey), c.workspaceId);
  }

  /** Forgets the connection and the key; local data and the server's files stay. */
  async disconnect(): Promise<{ serverUrl: string | null }> {
    const c = await getConnection(this.db);
    await clearConnection(this.db);
    return { serverUrl: c?.serverUrl ?? null };
  }
}

function view(c: SyncConnection | undefined, s: SyncStatus, running: boolean): SyncStatusView {
  return {
    connected: c !== undefined,
    serverUrl: c?.serverUrl ?? null,
    user: c?.user ?? null,
    workspaceId: c?.workspaceId ?? null,
    deviceName: c?.deviceName ?? null,
    running,
    lastSyncAt: s.lastSyncAt,
    lastAttemptAt: s.lastAttemptAt,
    lastError: s.lastError,
  };
}

const services = new WeakMap<VettedDb, SyncService>();

/** The database's one sync service (the scheduler installs it with its options at start-up). */
export function syncServiceFor(db: VettedDb, options?: SyncServiceOptions): SyncService {
  let s = services.get(db);
  if (!s || options) {
    s = new SyncService(db, options);
    services.set(db, s);
  }
  return s;
}
