/**
 * issue 11: Options → Sync through the real router and background (fake-indexeddb) against a real
 * lighttpd WebDAV server on loopback: connect, status, devices, wrong passphrase, disconnect.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSection } from '../../../components/options/SyncSection';
import { syncServiceFor } from '../../../lib/background/sync-service';
import { startLighttpd, type DavServer } from '../../sync-servers';
import { nodeFetch } from '../../sync-servers/node-fetch';
import { connect } from '../agreement/real-router';
import type { Harness } from '../../unit/background/harness';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
let server: DavServer;
beforeAll(async () => {
  server = await startLighttpd();
});
afterAll(() => server?.stop());

let h: Harness;
let asked: string[][];
beforeEach(() => {
  rmSync(join(server.root, 'vetted'), { recursive: true, force: true }); // each test starts with an empty server
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  h = connect(client);
  syncServiceFor(h.db, { userAgent: FIREFOX_UA, fetch: nodeFetch });
  asked = [];
  // The browser's permission prompt: the user allows.
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    asked.push(p.origins ?? []);
    return true;
  });
});
afterEach(cleanup);

function fill(fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

const workspaces = () => (existsSync(join(server.root, 'vetted')) ? readdirSync(join(server.root, 'vetted')) : []);

describe('Options → Sync', () => {
  it('connects with the labelled fields, asks for the server origin only, then shows the status, the device and Disconnect', async () => {
    render(<SyncSection />);
    expect(await screen.findByText(/remote\.php\/dav\/files\/USER/)).toBeTruthy();
    expect(screen.getByText(/app passwords work/)).toBeTruthy();
    expect(screen.getByText(/cannot be recovered/)).toBeTruthy();
    fill({
      'Server address': server.url,
      'User name': server.user,
      Password: server.password,
      'Encryption passphrase': 'moss and granite',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    const status = await screen.findByTestId('sync-status', {}, { timeout: 10_000 });
    expect(asked).toEqual([[`http://127.0.0.1/*`]]);
    // The status says how the first sync went, in words (the engine is another branch's part).
    expect(status.textContent?.trim().length).toBeGreaterThan(0);
    const state = await h.ok('syncStatus', {});
    expect(workspaces()).toContain(state.workspaceId);
    expect(screen.getByText(server.url)).toBeTruthy();
    const devices = await screen.findByRole('list', { name: 'Devices' });
    expect(within(devices).getByText('Firefox on Linux')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect((await h.ok('syncStatus', {})).connected).toBe(false);
  });

  it('a wrong passphrase for the workspace there is a clear message; the form stays and nothing is stored', async () => {
    // Another device made the workspace with another passphrase.
    const other = connect(client);
    syncServiceFor(other.db, { userAgent: FIREFOX_UA, fetch: nodeFetch });
    await other.ok('syncConnect', { serverUrl: server.url, user: server.user, password: server.password, passphrase: 'the real one' });
    client.send.mockImplementation((type: never, payload: never) => h.ok(type, payload));
    render(<SyncSection />);
    await screen.findByRole('button', { name: 'Connect' });
    fill({ 'Server address': server.url, 'User name': server.user, Password: server.password, 'Encryption passphrase': 'a guess' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(/passphrase is not the one/);
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(await h.db.syncConnection.count()).toBe(0);
  });

  it('when the user declines the permission, nothing is sent and the message says why', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    render(<SyncSection />);
    await screen.findByRole('button', { name: 'Connect' });
    fill({ 'Server address': server.url, 'User name': server.user, Password: 'x', 'Encryption passphrase': 'y' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/needs your permission/);
    expect(client.send.mock.calls.map((c) => c[0])).not.toContain('syncConnect');
  });
});
