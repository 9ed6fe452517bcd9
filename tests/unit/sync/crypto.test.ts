// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createChunkCipher, createDataKey, PBKDF2_ITERATIONS, unwrapDataKey } from '../../../lib/sync/crypto';
import { SyncError } from '../../../lib/sync/types';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function errorOf(p: Promise<unknown>): Promise<SyncError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncError);
  return err as SyncError;
}

// Fewer iterations where the KDF is not what is tested: the same code path, quicker.
const FAST = 1_000;

describe('sync crypto', () => {
  it('wraps the data key with PBKDF2-SHA256 at 600,000 iterations and a 16-byte salt; the key is not extractable', async () => {
    const { key, wrapped } = await createDataKey('correct horse battery staple', 'ws1');
    expect(wrapped.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS });
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect(atob(wrapped.kdf.salt).length).toBe(16);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const again = await unwrapDataKey('correct horse battery staple', wrapped, 'ws1');
    expect(again.extractable).toBe(false);
    // The unwrapped key opens what the first one sealed.
    const sealed = await createChunkCipher(key).seal('p', bytes('hello'));
    expect(text(await createChunkCipher(again).open('p', sealed))).toBe('hello');
  });

  it('a wrong passphrase, or the wrapped key of another workspace id, is "wrong-passphrase"', async () => {
    const { wrapped } = await createDataKey('right', 'ws1', FAST);
    expect((await errorOf(unwrapDataKey('wrong', wrapped, 'ws1'))).code).toBe('wrong-passphrase');
    expect((await errorOf(unwrapDataKey('right', wrapped, 'ws2'))).code).toBe('wrong-passphrase');
  });

  it('round-trips a chunk and uses a fresh IV each time', async () => {
    const { key } = await createDataKey('pw', 'ws', FAST);
    const cipher = createChunkCipher(key);
    const plain = bytes(JSON.stringify({ records: [{ note: 'Ask about the deadline' }] }));
    const a = await cipher.seal('vetted/ws/devices/d/0000000001.chunk', plain);
    const b = await cipher.seal('vetted/ws/devices/d/0000000001.chunk', plain);
    expect(a.length).toBe(plain.length + 12 + 16);
    expect(a).not.toEqual(b);
    expect(text(a)).not.toContain('deadline');
    expect(text(await cipher.open('vetted/ws/devices/d/0000000001.chunk', a))).toBe(text(plain));
  });

  it('a chunk read at another path, with one byte changed or cut short is "corrupt"', async () => {
    const { key } = await createDataKey('pw', 'ws', FAST);
    const cipher = createChunkCipher(key);
    const sealed = await cipher.seal('vetted/ws/devices/d/0000000001.chunk', bytes('payload'));
    expect((await errorOf(cipher.open('vetted/ws/devices/d/0000000002.chunk', sealed))).code).toBe('corrupt');
    for (const i of [0, 12, sealed.length - 1]) {
      const tampered = sealed.slice();
      tampered[i]! ^= 1;
      expect((await errorOf(cipher.open('vetted/ws/devices/d/0000000001.chunk', tampered))).code).toBe('corrupt');
    }
    expect((await errorOf(cipher.open('vetted/ws/devices/d/0000000001.chunk', sealed.subarray(0, 20)))).code).toBe('corrupt');
  });

  it('another workspace key cannot open the chunk', async () => {
    const one = createChunkCipher((await createDataKey('pw', 'ws', FAST)).key);
    const two = createChunkCipher((await createDataKey('pw', 'ws', FAST)).key);
    const sealed = await one.seal('p', bytes('x'));
    expect((await errorOf(two.open('p', sealed))).code).toBe('corrupt');
  });
});
