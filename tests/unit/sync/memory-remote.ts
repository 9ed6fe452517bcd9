/**
 * An in-memory RemoteStorage for sync tests: a flat map of paths to bytes. It can die after K more
 * requests (a put that dies may or may not have landed, as on a real network), and it either honours
 * createOnly (like lighttpd) or ignores it and overwrites (like rclone serve webdav).
 */
import { SyncError, type ChunkCipher, type RemoteEntry, type RemoteStorage } from '../../../lib/sync/types';

export class MemoryRemote implements RemoteStorage {
  readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>();
  /** Requests left before the next one fails; Infinity: never. */
  failAfter = Infinity;
  /** Whether a put that fails still lands (decided per failure by the test). */
  landOnFailure = false;
  requests = 0;

  constructor(readonly honoursCreateOnly: boolean) {}

  private step(): void {
    this.requests++;
    if (this.failAfter <= 0) throw new SyncError('unreachable', 'The server could not be reached.');
    this.failAfter--;
  }

  async list(dir: string): Promise<RemoteEntry[]> {
    this.step();
    const prefix = `${dir.replace(/\/$/, '')}/`;
    const names = new Set<string>();
    for (const path of [...this.files.keys(), ...this.dirs]) {
      if (!path.startsWith(prefix) || path === prefix) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash === -1 ? rest : rest.slice(0, slash + 1));
    }
    return [...names]
      .filter((n) => n !== '')
      .map((name) => ({ name, ...(this.files.has(prefix + name) ? { size: this.files.get(prefix + name)!.byteLength } : {}) }));
  }

  async get(path: string): Promise<Uint8Array | null> {
    this.step();
    return this.files.get(path) ?? null;
  }

  async put(path: string, body: Uint8Array, opts: { createOnly?: boolean } = {}): Promise<'written' | 'exists'> {
    if (this.failAfter <= 0 && this.landOnFailure) this.files.set(path, body);
    this.step();
    if (opts.createOnly && this.honoursCreateOnly && this.files.has(path)) return 'exists';
    this.files.set(path, body);
    return 'written';
  }

  async remove(path: string): Promise<void> {
    this.step();
    this.files.delete(path);
  }

  async ensureDir(dir: string): Promise<void> {
    this.step();
    const parts = dir.replace(/\/$/, '').split('/');
    for (let i = 1; i <= parts.length; i++) this.dirs.add(`${parts.slice(0, i).join('/')}/`);
  }
}

/** Binds bytes to their path without encrypting them (enough to catch a chunk read from the wrong path). */
export const pathCipher: ChunkCipher = {
  async seal(path, plain) {
    const head = new TextEncoder().encode(`${path}\n`);
    const out = new Uint8Array(head.length + plain.length);
    out.set(head);
    out.set(plain, head.length);
    return out;
  },
  async open(path, sealed) {
    const head = new TextEncoder().encode(`${path}\n`);
    if (sealed.length < head.length || head.some((b, i) => sealed[i] !== b))
      throw new SyncError('corrupt', `${path} was sealed for another path.`);
    return sealed.slice(head.length);
  },
};

/**
 * A real server's RemoteStorage (lighttpd or rclone on loopback) that can die after K more
 * requests like MemoryRemote: a put that dies has landed or not, as decided by `landOnFailure`.
 */
export class KillableRemote implements RemoteStorage {
  failAfter = Infinity;
  landOnFailure = false;
  requests = 0;

  constructor(private readonly inner: RemoteStorage) {}

  private step(): void {
    this.requests++;
    if (this.failAfter <= 0) throw new SyncError('unreachable', 'The server could not be reached.');
    this.failAfter--;
  }

  async list(dir: string): Promise<RemoteEntry[]> {
    this.step();
    return this.inner.list(dir);
  }

  async get(path: string): Promise<Uint8Array | null> {
    this.step();
    return this.inner.get(path);
  }

  async put(path: string, body: Uint8Array, opts: { createOnly?: boolean } = {}): Promise<'written' | 'exists'> {
    if (this.failAfter <= 0 && this.landOnFailure) await this.inner.put(path, body, opts);
    this.step();
    return this.inner.put(path, body, opts);
  }

  async remove(path: string): Promise<void> {
    this.step();
    await this.inner.remove(path);
  }

  async ensureDir(dir: string): Promise<void> {
    this.step();
    await this.inner.ensureDir(dir);
  }
}
