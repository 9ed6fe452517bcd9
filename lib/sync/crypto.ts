/**
 * End-to-end encryption of sync (DESIGN.md "Sync"), WebCrypto only (browsers and Node 20):
 *
 * - the data key is a random AES-256-GCM key, created once per workspace;
 * - it is stored in workspace.json wrapped (AES-GCM, the workspace id as additional data) by a key
 *   derived from the passphrase with PBKDF2-SHA256 (600,000 iterations, random 16-byte salt);
 * - unwrapped, it is a NON-extractable CryptoKey: it can be kept in IndexedDB and used, never read;
 * - each chunk is sealed as 12-byte random IV ‖ AES-GCM(ciphertext+tag) with its path as
 *   additional data, so a chunk moved to another path or altered fails to open.
 */
import { SyncError, type ChunkCipher } from './types';

export const PBKDF2_ITERATIONS = 600_000;

/** The wrapped data key and how to unwrap it, as stored in workspace.json. */
export interface WrappedDataKey {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** base64 of IV (12 bytes) ‖ AES-GCM(raw data key). */
  wrappedKey: string;
}

const subtle = () => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new SyncError('not-connected', 'This browser has no WebCrypto: sync needs a secure context.');
  return s;
};
const enc = new TextEncoder();
const buf = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const random = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

async function keyFromPassphrase(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A new data key for a new workspace: the usable key (non-extractable) and its wrapped form. */
export async function createDataKey(
  passphrase: string,
  workspaceId: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ key: CryptoKey; wrapped: WrappedDataKey }> {
  const salt = random(16);
  const kek = await keyFromPassphrase(passphrase, salt, iterations);
  // Extractable only for the one wrapKey call; what callers keep is the unwrapped copy below.
  const fresh = await subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const iv = random(12);
  const sealed = new Uint8Array(
    await subtle().wrapKey('raw', fresh, kek, { name: 'AES-GCM', iv, additionalData: enc.encode(workspaceId) }),
  );
  const wrapped: WrappedDataKey = {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    wrappedKey: toBase64(concat(iv, sealed)),
  };
  return { key: await unwrapWith(kek, wrapped, workspaceId), wrapped };
}

async function unwrapWith(kek: CryptoKey, wrapped: WrappedDataKey, workspaceId: string): Promise<CryptoKey> {
  const bytes = fromBase64(wrapped.wrappedKey);
  try {
    return await subtle().unwrapKey(
      'raw',
      buf(bytes.subarray(12)),
      kek,
      { name: 'AES-GCM', iv: buf(bytes.subarray(0, 12)), additionalData: enc.encode(workspaceId) },
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new SyncError('wrong-passphrase', 'The encryption passphrase is not the one this workspace was created with.');
  }
}

/** Unwraps the workspace's data key; a wrong passphrase throws SyncError('wrong-passphrase'). */
export async function unwrapDataKey(passphrase: string, wrapped: WrappedDataKey, workspaceId: string): Promise<CryptoKey> {
  const { kdf } = wrapped;
  if (kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !Number.isInteger(kdf.iterations) || kdf.iterations < 1) {
    throw new SyncError('corrupt', 'The workspace uses a key format this version of Vetted does not know. Update Vetted.');
  }
  let salt: Uint8Array;
  try {
    salt = fromBase64(kdf.salt);
  } catch {
    throw new SyncError('corrupt', 'The workspace file on the server is damaged.');
  }
  return unwrapWith(await keyFromPassphrase(passphrase, salt, kdf.iterations), wrapped, workspaceId);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Seals and opens chunks with the data key, each bound to its remote path. */
export function createChunkCipher(key: CryptoKey): ChunkCipher {
  return {
    async seal(path, plain) {
      const iv = random(12);
      const sealed = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(path) }, key, buf(plain));
      return concat(iv, new Uint8Array(sealed));
    },
    async open(path, sealed) {
      if (sealed.length < 12 + 16) throw new SyncError('corrupt', `The file ${path} on the server is damaged (too short).`);
      try {
        const plain = await subtle().decrypt(
          { name: 'AES-GCM', iv: buf(sealed.subarray(0, 12)), additionalData: enc.encode(path) },
          key,
          buf(sealed.subarray(12)),
        );
        return new Uint8Array(plain);
      } catch {
        throw new SyncError('corrupt', `The file ${path} on the server is damaged or was not written by this workspace.`);
      }
    },
  };
}
