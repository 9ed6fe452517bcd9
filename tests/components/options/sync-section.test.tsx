/**
 * issue 11: Options → Sync on the real background (the view's own send, no client mock, as the
 * options page; fake-indexeddb) against a real lighttpd WebDAV server on loopback: connect,
 * status, devices, wrong passphrase, disconnect.
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
import { freshDb, makeHarness } from '../../unit/background/harness';
import { getConnection } from '../../../lib/db/repositories/sync-connection';
import { realBackground, senders, type RealBackground } from '../real-background';

const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';
let server: DavServer;
beforeAll(async () => {
  server = await startLighttpd();
});
afterAll(() => server?.stop());

let bg: RealBackground;
let asked: string[][];
/** The options page's background, syncing to the loopback server; the browser's permission prompt: the user allows. */
function openBackground() {
  bg = realBackground(senders.options);
  syncServiceFor(bg.db, { userAgent: FIREFOX_UA, fetch: nodeFetch });
  asked = [];
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    asked.push(p.origins ?? []);
    return true;
  });
}
beforeEach(() => {
  rmSync(join(server.root, 'vetted'), { recursive: true, force: true }); // each test starts with an empty server
  openBackground();
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
    const state = await bg.ok('syncStatus', {});
    expect(state.connected).toBe(true);
    expect(workspaces()).toContain(state.workspaceId);
    expect(await getConnection(bg.db)).toMatchObject({
      serverUrl: server.url,
      user: server.user,
      workspaceId: state.workspaceId,
      deviceName: 'Firefox on Linux',
    });
    expect(bg.sent.filter((r) => r.type === 'syncConnect')).toEqual([
      {
        type: 'syncConnect',
        payload: { serverUrl: server.url, user: server.user, password: server.password, passphrase: 'moss and granite' },
      },
    ]);
    expect(screen.getByText(server.url)).toBeTruthy();
    const devices = await screen.findByRole('list', { name: 'Devices' });
    expect(within(devices).getByText('Firefox on Linux')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect((await bg.ok('syncStatus', {})).connected).toBe(false);
    expect(await bg.db.syncConnection.count()).toBe(0);
  });

  it('a wrong passphrase for the workspace there is a clear message; the form stays and nothing is stored', async () => {
    // Another device (its own background and database) made the workspace with another passphrase.
    const other = makeHarness(freshDb());
    syncServiceFor(other.db, { userAgent: FIREFOX_UA, fetch: nodeFetch });
    await other.ok('syncConnect', { serverUrl: server.url, user: server.user, password: server.password, passphrase: 'the real one' });
    expect(workspaces()).toHaveLength(1);
    openBackground(); // a harness resets the fake browser: this page's background is opened again after it
    render(<SyncSection />);
    await screen.findByRole('button', { name: 'Connect' });
    fill({ 'Server address': server.url, 'User name': server.user, Password: server.password, 'Encryption passphrase': 'a guess' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toMatch(/passphrase is not the one/);
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(bg.sent.filter((r) => r.type === 'syncConnect')).toHaveLength(1);
    expect(await bg.db.syncConnection.count()).toBe(0);
    expect((await bg.ok('syncStatus', {})).connected).toBe(false);
    expect(workspaces()).toHaveLength(1);
  });

  it('when the user declines the permission, nothing is sent and the message says why', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    render(<SyncSection />);
    await screen.findByRole('button', { name: 'Connect' });
    fill({ 'Server address': server.url, 'User name': server.user, Password: 'x', 'Encryption passphrase': 'y' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/needs your permission/);
    expect(bg.sent.length).toBeGreaterThan(0); // the section did ask the background for its status
    expect(bg.sent.map((r) => r.type)).not.toContain('syncConnect');
    expect(await bg.db.syncConnection.count()).toBe(0);
    expect(workspaces()).toEqual([]);
  });

  it('a connect the background refuses shows its words; the form stays, the server and database untouched', async () => {
    bg.failNext('syncConnect', 'sync', 'The server did not answer. Check the address and try again.');
    render(<SyncSection />);
    await screen.findByRole('button', { name: 'Connect' });
    fill({ 'Server address': server.url, 'User name': server.user, Password: server.password, 'Encryption passphrase': 'moss' });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The server did not answer. Check the address and try again.');
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(bg.sent.filter((r) => r.type === 'syncConnect')).toHaveLength(1);
    expect(await bg.db.syncConnection.count()).toBe(0);
    expect(workspaces()).toEqual([]);
  });
});
