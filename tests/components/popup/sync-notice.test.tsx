/** issue 11: the popup shows a failed sync in plain words (never silent), and nothing otherwise. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncNotice } from '../../../components/popup/SyncNotice';
import { saveConnection, recordSyncResult } from '../../../lib/db/repositories/sync-connection';
import { connect } from '../agreement/real-router';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn(() => () => undefined) }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));
afterEach(cleanup);

async function connected() {
  const h = connect(client);
  const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  await saveConnection(h.db, {
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
  return h;
}

describe('SyncNotice', () => {
  it('says the last sync failed, in the words the background recorded', async () => {
    const h = await connected();
    const status = await recordSyncResult(h.db, 5, { code: 'disk-full', message: 'The server is out of space (storage full).' });
    render(<SyncNotice />);
    expect((await screen.findByTestId('popup-sync-error')).textContent).toContain(status.lastError!.message);
    expect(screen.getByRole('link', { name: 'Sync settings' })).toBeTruthy();
  });

  it('shows nothing after a good sync or when not connected', async () => {
    const h = await connected();
    await recordSyncResult(h.db, 5, null);
    render(<SyncNotice />);
    await vi.waitFor(() => expect(client.send).toHaveBeenCalledWith('syncStatus', {}));
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('popup-sync-error')).toBeNull();
  });
});
