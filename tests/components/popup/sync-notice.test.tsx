/**
 * issue 11: the popup shows a failed sync in plain words (never silent), and nothing otherwise, on
 * the real background: the status row is written as a background sync writes it, and announced as
 * the scheduler announces it after a sync (router.announcePending).
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncNotice } from '../../../components/popup/SyncNotice';
import { getSyncStatus, recordSyncResult, saveConnection } from '../../../lib/db/repositories/sync-connection';
import { realBackground, senders, type RealBackground } from '../real-background';

let bg: RealBackground;
/** The options page, where Disconnect is (the harness names no options sender). */
const optionsPage = senders.options;

beforeEach(() => {
  bg = realBackground(senders.popup);
});
afterEach(cleanup);

async function connected() {
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  await saveConnection(bg.db, {
    serverUrl: 'https://h/',
    user: 'u',
    password: 'p',
    workspaceId: 'w',
    deviceId: 'd',
    deviceName: 'n',
    wrappedKey: 'k',
    dataKey,
    connectedAt: 1,
  });
}

/** A background sync ended: its status row is written, then announced to the views. */
async function synced(at: number, error: { code: string; message: string } | null) {
  const status = await recordSyncResult(bg.db, at, error);
  await bg.router.announcePending();
  return status;
}

describe('SyncNotice', () => {
  it('says the last sync failed, in the words the background recorded', async () => {
    await connected();
    const status = await recordSyncResult(bg.db, 5, { code: 'disk-full', message: 'The server is out of space (storage full).' });
    render(<SyncNotice />);
    expect((await screen.findByTestId('popup-sync-error')).textContent).toContain(status.lastError!.message);
    expect(screen.getByRole('link', { name: 'Sync settings' })).toBeTruthy();
    expect(bg.sent).toContainEqual({ type: 'syncStatus', payload: {} });
  });

  it('shows nothing after a good sync or when not connected', async () => {
    await connected();
    const failed = await recordSyncResult(bg.db, 5, { code: 'network', message: 'The server could not be reached.' });
    render(<SyncNotice />);
    expect((await screen.findByTestId('popup-sync-error')).textContent).toContain(failed.lastError!.message);

    // A good sync clears the notice.
    await synced(6, null);
    await waitFor(() => expect(screen.queryByTestId('popup-sync-error')).toBeNull());
    expect(await getSyncStatus(bg.db)).toMatchObject({ lastSyncAt: 6, lastAttemptAt: 6, lastError: null });

    // Failed again, then disconnected (from Options): not connected shows nothing either.
    const again = await synced(7, { code: 'network', message: 'The server timed out.' });
    expect((await screen.findByTestId('popup-sync-error')).textContent).toContain(again.lastError!.message);
    await bg.ok('syncDisconnect', {}, optionsPage());
    await waitFor(() => expect(screen.queryByTestId('popup-sync-error')).toBeNull());
    expect(await bg.db.syncConnection.count()).toBe(0);
    expect((await bg.ok('syncStatus', {})).connected).toBe(false);
    expect(bg.sent.filter((r) => r.type === 'syncStatus').length).toBeGreaterThanOrEqual(4);
  });
});
