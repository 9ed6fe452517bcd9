// @vitest-environment node
// Creating and joining the workspace on real loopback WebDAV servers (lighttpd and rclone).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWebDavStorage } from '../../../lib/sync/webdav';
import { SyncError, type RemoteStorage } from '../../../lib/sync/types';
import { connect, deviceName, listDevices, registerDevice, verifyWorkspace, workspaceRoot } from '../../../lib/sync/workspace';
import { REAL_SERVERS, type DavServer } from '../../sync-servers';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Every file under a folder with its bytes, to prove nothing changed. */
const workspaceText = (server: DavServer, id: string) => readFileSync(join(server.root, 'vetted', id, 'workspace.json'), 'utf8');

function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, tree(p, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(p).toString('base64');
  }
  return out;
}

for (const [kind, start] of Object.entries(REAL_SERVERS)) {
  describe(`workspace on ${kind}`, () => {
    let server: DavServer;
    let requests: string[];
    let dav: RemoteStorage;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(() => server?.stop());
    beforeEach(async () => {
      // Each test starts from an empty sync folder.
      const cleaner = createWebDavStorage({ baseUrl: server.url, user: server.user, password: server.password });
      // DELETE of a folder removes what is inside it (RFC 4918 9.6.1).
      for (const e of await cleaner.list('vetted')) await cleaner.remove(`vetted/${e.name.replace(/\/$/, '')}`);
      expect(await cleaner.list('vetted')).toEqual([]);
      requests = [];
      dav = createWebDavStorage({
        baseUrl: server.url,
        user: server.user,
        password: server.password,
        onRequest: (m, p) => requests.push(`${m} ${p}`),
      });
    });

    it('creates vetted/<id>/workspace.json once; a second device with the passphrase joins it and shares the key', async () => {
      const first = await connect({ remote: dav, passphrase: 'river stone 42', now: () => 1_700_000_000_000 });
      expect(first.created).toBe(true);
      const file = JSON.parse(readFileSync(join(server.root, workspaceRoot(first.workspaceId), 'workspace.json'), 'utf8'));
      expect(file).toMatchObject({
        format: 1,
        workspaceId: first.workspaceId,
        createdAt: 1_700_000_000_000,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      });
      expect(JSON.stringify(file)).not.toContain('river stone');
      const createRequests = requests.length;

      requests = [];
      const second = await connect({ remote: dav, passphrase: 'river stone 42' });
      expect(second).toMatchObject({ workspaceId: first.workspaceId, created: false });
      expect(requests).toEqual(['PROPFIND vetted', `GET vetted/${first.workspaceId}/workspace.json`]);
      const sealed = await first.cipher.seal('p', bytes('shared'));
      expect(new TextDecoder().decode(await second.cipher.open('p', sealed))).toBe('shared');
      // Creating costs a handful of requests (list, check the root, folders, create-only PUT, read back).
      expect(createRequests).toBeLessThanOrEqual(8);
    });

    it('a wrong passphrase says so and writes nothing on the server', async () => {
      await connect({ remote: dav, passphrase: 'right one' });
      const before = tree(server.root);
      requests = [];
      const err = await connect({ remote: dav, passphrase: 'wrong one' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SyncError);
      expect((err as SyncError).code).toBe('wrong-passphrase');
      expect((err as SyncError).message).toMatch(/passphrase/);
      expect(requests.every((r) => r.startsWith('PROPFIND') || r.startsWith('GET'))).toBe(true);
      expect(tree(server.root)).toEqual(before);
    });

    it('with several workspaces there, joins the oldest', async () => {
      const older = await connect({ remote: dav, passphrase: 'pw', workspaceId: 'older', now: () => 1000 });
      await connect({ remote: dav, passphrase: 'pw', workspaceId: 'newer', now: () => 2000 });
      expect((await connect({ remote: dav, passphrase: 'pw' })).workspaceId).toBe(older.workspaceId);
    });

    it('two devices creating the same workspace at once end with one key (the read-back decides)', async () => {
      // Each device's read-back waits until both have written: on rclone the later PUT overwrites
      // the earlier file (If-None-Match ignored), on lighttpd it is refused. Both must use what is there.
      const isWorkspaceFile = (p: string) => p.endsWith('/workspace.json');
      let wrote = 0;
      let bothWrote!: () => void;
      const bothWritten = new Promise<void>((r) => (bothWrote = r));
      // And neither writes before both have looked (found nothing): both really create.
      let looked = 0;
      let bothLooked!: () => void;
      const bothLookedFirst = new Promise<void>((r) => (bothLooked = r));
      const gated = (): RemoteStorage => {
        let mine = false;
        return {
          ...dav,
          put: async (p, body, opts) => {
            const r = await dav.put(p, body, opts);
            if (isWorkspaceFile(p)) {
              mine = true;
              if (++wrote === 2) bothWrote();
            }
            return r;
          },
          get: async (p) => {
            if (!isWorkspaceFile(p)) return dav.get(p);
            if (mine) {
              await bothWritten;
              return dav.get(p);
            }
            const first = await dav.get(p);
            if (++looked === 2) bothLooked();
            await bothLookedFirst;
            return first;
          },
        };
      };
      const [gatedA, gatedB] = [gated(), gated()];
      const [a, b] = await Promise.all([
        connect({ remote: gatedA, passphrase: 'same', workspaceId: 'raced' }),
        connect({ remote: gatedB, passphrase: 'same', workspaceId: 'raced' }),
      ]);
      const sealed = await a.cipher.seal('p', bytes('one key'));
      expect(new TextDecoder().decode(await b.cipher.open('p', sealed))).toBe('one key');
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      await expect(verifyWorkspace(dav, 'raced', a.wrappedKey)).resolves.toBeUndefined();
    });

    it('a device whose workspace.json was replaced or removed gets a clear error at its next sync', async () => {
      const ws = await connect({ remote: dav, passphrase: 'pw', workspaceId: 'ws-v' });
      await expect(verifyWorkspace(dav, 'ws-v', ws.wrappedKey)).resolves.toBeUndefined();
      await dav.put('vetted/ws-v/workspace.json', bytes(workspaceText(server, 'ws-v').replace(ws.wrappedKey, 'AAAA')));
      expect(((await verifyWorkspace(dav, 'ws-v', ws.wrappedKey).catch((e: unknown) => e)) as SyncError).code).toBe('not-connected');
      await dav.remove('vetted/ws-v/workspace.json');
      expect(((await verifyWorkspace(dav, 'ws-v', ws.wrappedKey).catch((e: unknown) => e)) as SyncError).message).toMatch(
        /no longer on the server/,
      );
    });

    it('registers devices with an encrypted device.json and lists them, last synced first', async () => {
      const ws = await connect({ remote: dav, passphrase: 'pw' });
      await registerDevice(dav, ws.cipher, ws.workspaceId, { deviceId: 'dev-a', name: 'Chrome on Linux', joinedAt: 1, lastSyncAt: 10 });
      await registerDevice(dav, ws.cipher, ws.workspaceId, { deviceId: 'dev-b', name: 'Firefox on Windows', joinedAt: 2, lastSyncAt: 20 });
      const raw = readFileSync(join(server.root, workspaceRoot(ws.workspaceId), 'devices/dev-a/device.json'));
      expect(raw.toString('latin1')).not.toContain('Chrome');
      const devices = await listDevices(dav, ws.cipher, ws.workspaceId);
      expect(devices.map((d) => [d.deviceId, d.name, d.lastSyncAt])).toEqual([
        ['dev-b', 'Firefox on Windows', 20],
        ['dev-a', 'Chrome on Linux', 10],
      ]);
    });
  });
}

describe('device names', () => {
  it('names the browser and the system from the user agent', () => {
    const cases: [string, string][] = [
      ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36', 'Chrome on Linux'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', 'Firefox on Linux'],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 Edg/156.0',
        'Edge on Windows',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
        'Safari on macOS',
      ],
    ];
    for (const [ua, name] of cases) expect(deviceName(ua)).toBe(name);
  });
});
