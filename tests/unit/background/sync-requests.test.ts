// @vitest-environment node
/**
 * issue 11: the sync requests through the real router, against a real lighttpd WebDAV server on
 * loopback: connect creates or joins the workspace, a wrong passphrase or password or an
 * unreachable server stores nothing, the key survives a restart (IndexedDB keeps the CryptoKey).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncServiceFor } from '../../../lib/background/sync-service';
import { CHANGE_EVENT, type ChangeEvent } from '../../../lib/messaging/protocol';
import { freePort, startLighttpd, type DavServer } from '../../sync-servers';
import { makeHarness, type Harness } from './harness';

let server: DavServer;
beforeAll(async () => {
  server = await startLighttpd();
});
afterAll(() => server?.stop());

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** A harness whose sync service counts its HTTP requests. */
function harness(): { h: Harness; requests: string[] } {
  const h = makeHarness();
  const requests: string[] = [];
  syncServiceFor(h.db, {
    userAgent: UA,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  });
  return { h, requests };
}

const input = () => ({ serverUrl: server.url, user: server.user, password: server.password, passphrase: 'blue heron at dawn' });
const syncRows = (h: Harness) => h.db.syncConnection.toArray();

describe('sync requests', () => {
  it('connect creates the workspace, registers this device and keeps the key; a restart still reads the devices', async () => {
    const { h, requests } = harness();
    const status = await h.ok('syncConnect', input());
    expect(status).toMatchObject({ connected: true, serverUrl: server.url, user: server.user, deviceName: 'Chrome on Linux' });
    expect(existsSync(join(server.root, 'vetted', status.workspaceId!, 'workspace.json'))).toBe(true);
    expect(requests.length).toBeGreaterThan(0);
    const changes = h.events.map((e) => e.event).filter((e): e is ChangeEvent => e.event === CHANGE_EVENT);
    expect(changes.flatMap((e) => e.tables)).toContain('syncConnection');

    const row = (await syncRows(h)).find((r) => r.key === 'connection');
    expect(row && 'dataKey' in row && row.dataKey.extractable).toBe(false);

    // A new service on the same database (the service worker restarted) uses the stored key.
    syncServiceFor(h.db, { userAgent: UA });
    const devices = await h.ok('syncDevices', {});
    expect(devices.map((d) => d.name)).toEqual(['Chrome on Linux']);

    // Disconnect forgets the connection, keeps the server's files.
    expect(await h.ok('syncDisconnect', {})).toEqual({ serverUrl: server.url });
    expect(await syncRows(h)).toEqual([]);
    expect(await h.ok('syncStatus', {})).toMatchObject({ connected: false, lastError: null });
    expect(existsSync(join(server.root, 'vetted', status.workspaceId!, 'workspace.json'))).toBe(true);
  });

  it('a second device with a wrong passphrase gets a clear message and nothing is written, here or there', async () => {
    const first = harness();
    await first.h.ok('syncConnect', input());
    const before = JSON.stringify(listTree(server.root));
    const second = harness();
    const reply = await second.h.call('syncConnect', { ...input(), passphrase: 'not it' });
    expect(reply).toMatchObject({ ok: false, code: 'sync', error: expect.stringMatching(/passphrase is not the one/) });
    expect(await syncRows(second.h)).toEqual([]);
    expect(JSON.stringify(listTree(server.root))).toBe(before);
    expect(second.requests.every((r) => r.startsWith('PROPFIND') || r.startsWith('GET'))).toBe(true);
    // With the right one it joins the same workspace.
    const joined = await second.h.ok('syncConnect', input());
    expect(joined.workspaceId).toBe((await first.h.ok('syncStatus', {})).workspaceId);
  });

  it('a wrong password and an unreachable server are said in plain words and store nothing', async () => {
    const { h } = harness();
    const bad = await h.call('syncConnect', { ...input(), password: 'wrong' });
    expect(bad).toMatchObject({ ok: false, code: 'sync', error: 'The server refused the user name or password.' });
    const port = await freePort();
    const gone = await h.call('syncConnect', { ...input(), serverUrl: `http://127.0.0.1:${port}/` });
    expect(gone).toMatchObject({ ok: false, code: 'sync', error: expect.stringMatching(/could not be reached/) });
    expect(await syncRows(h)).toEqual([]);
  });
});

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${e.parentPath ?? ''}/${e.name}`)
    .sort();
}
