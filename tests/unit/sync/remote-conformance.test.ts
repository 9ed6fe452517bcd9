// @vitest-environment node
// The RemoteStorage contract (lib/sync/types.ts) against real WebDAV servers on loopback:
// lighttpd + mod_webdav (honours If-None-Match) and rclone serve webdav (ignores it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebDavStorage } from '../../../lib/sync/webdav';
import { SyncError, type RemoteStorage } from '../../../lib/sync/types';
import { freePort, REAL_SERVERS, startFullDiskServer, type DavServer } from '../../sync-servers';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncError);
  return (err as SyncError).code;
}

for (const [kind, start] of Object.entries(REAL_SERVERS)) {
  describe(`RemoteStorage on ${kind}`, () => {
    let server: DavServer;
    let dav: RemoteStorage;
    beforeAll(async () => {
      server = await start();
      dav = createWebDavStorage({ baseUrl: server.url, user: server.user, password: server.password });
    });
    afterAll(() => server?.stop());

    it('lists an empty root and a missing folder as []', async () => {
      expect(await dav.list('')).toEqual([]);
      expect(await dav.list('vetted/nothing-here')).toEqual([]);
    });

    it('creates folders with their parents, twice without error, and lists them', async () => {
      await dav.ensureDir('vetted/ws 1/devices/dev-a');
      await dav.ensureDir('vetted/ws 1/devices/dev-a');
      await dav.ensureDir('vetted/ws 1/devices');
      expect(await dav.list('vetted')).toEqual([{ name: 'ws 1/' }]);
      expect(await dav.list('vetted/ws 1/devices/')).toEqual([{ name: 'dev-a/' }]);
    });

    it('puts, gets, lists with sizes and names that need encoding, and removes', async () => {
      await dav.ensureDir('vetted/ws 1/devices/dev-a');
      const a = bytes('first chunk ✓');
      expect(await dav.put('vetted/ws 1/devices/dev-a/0000000001.chunk', a)).toBe('written');
      expect(await dav.put('vetted/ws 1/devices/dev-a/ü #2.chunk', bytes('xy'))).toBe('written');
      expect(text(await dav.get('vetted/ws 1/devices/dev-a/0000000001.chunk'))).toBe('first chunk ✓');
      const list = await dav.list('vetted/ws 1/devices/dev-a');
      expect(list.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
        { name: '0000000001.chunk', size: a.length },
        { name: 'ü #2.chunk', size: 2 },
      ]);
      expect(readFileSync(join(server.root, 'vetted/ws 1/devices/dev-a/ü #2.chunk'), 'utf8')).toBe('xy');
      await dav.remove('vetted/ws 1/devices/dev-a/ü #2.chunk');
      await dav.remove('vetted/ws 1/devices/dev-a/ü #2.chunk');
      expect(await dav.get('vetted/ws 1/devices/dev-a/ü #2.chunk')).toBeNull();
    });

    it('a PUT into folders that do not exist yet creates them', async () => {
      expect(await dav.put('vetted/ws 2/devices/dev-b/0000000001.chunk', bytes('z'))).toBe('written');
      expect(text(await dav.get('vetted/ws 2/devices/dev-b/0000000001.chunk'))).toBe('z');
    });

    it(
      kind === 'lighttpd'
        ? 'createOnly on an existing file is "exists" and leaves it alone'
        : 'createOnly on an existing file overwrites it (rclone ignores If-None-Match: callers read back)',
      async () => {
        await dav.ensureDir('vetted/ws 3');
        expect(await dav.put('vetted/ws 3/workspace.json', bytes('one'), { createOnly: true })).toBe('written');
        const second = await dav.put('vetted/ws 3/workspace.json', bytes('two'), { createOnly: true });
        const onDisk = text(await dav.get('vetted/ws 3/workspace.json'));
        if (server.honoursPreconditions) {
          expect(second).toBe('exists');
          expect(onDisk).toBe('one');
        } else {
          expect(second).toBe('written');
          expect(onDisk).toBe('two');
        }
      },
    );

    it('a wrong password is "auth" and writes nothing', async () => {
      const bad = createWebDavStorage({ baseUrl: server.url, user: server.user, password: 'wrong' });
      expect(await codeOf(bad.list(''))).toBe('auth');
      expect(await codeOf(bad.put('intruder.txt', bytes('x')))).toBe('auth');
      expect(existsSync(join(server.root, 'intruder.txt'))).toBe(false);
    });
  });
}

describe('RemoteStorage failures', () => {
  it('a port nobody listens on is "unreachable"', async () => {
    const port = await freePort();
    const dav = createWebDavStorage({ baseUrl: `http://127.0.0.1:${port}/`, user: 'u', password: 'p' });
    expect(await codeOf(dav.list(''))).toBe('unreachable');
  });

  it('a full disk (507 from a node stand-in server) is "disk-full"', async () => {
    const server = await startFullDiskServer();
    try {
      const dav = createWebDavStorage({ baseUrl: server.url, user: server.user, password: server.password });
      expect(await dav.list('')).toEqual([]);
      expect(await codeOf(dav.ensureDir('vetted/ws'))).toBe('disk-full');
      expect(await codeOf(dav.put('vetted/ws/workspace.json', bytes('x')))).toBe('disk-full');
    } finally {
      await server.stop();
    }
  });
});
