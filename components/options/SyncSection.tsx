/**
 * issue 11: Options → Sync. Connect this browser to the user's own WebDAV storage (Nextcloud,
 * ownCloud, a NAS), see how the last sync went, sync now, list the devices, disconnect.
 *
 * Connect first asks the browser for access to the server's origin (a user gesture is needed,
 * so the request is the first thing the click does), then the background creates or joins the
 * workspace. Nothing is stored when the server, the password or the passphrase is wrong.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { SyncStatusView } from '../../lib/messaging/protocol';
import { serverOriginPattern } from '../../lib/sync/permissions';
import { useRequest } from '../use-request';
import { errorText } from './format';

const refreshOn = (e: { tables: string[] }) => e.tables.includes('syncConnection');

/** "just now", "5 minutes ago", else the local date and time. */
export function whenText(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  return `on ${new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
}

/** Asks for the server's origin; false when the user (or the browser) said no. */
async function askServerAccess(serverUrl: string): Promise<boolean> {
  const origin = serverOriginPattern(serverUrl);
  if (!origin) return true; // the background explains what is wrong with the address
  const permissions = browser.permissions;
  if (!permissions?.request) return true;
  return permissions.request({ origins: [origin] });
}

function StatusLine({ status, now }: { status: SyncStatusView; now: number }) {
  if (status.running && status.lastSyncAt === null && !status.lastError) {
    return (
      <p class="v-alert v-alert--info" data-testid="sync-status" role="status">
        Syncing…
      </p>
    );
  }
  if (status.lastError) {
    return (
      <p class="v-alert v-alert--error" data-testid="sync-status" role="alert">
        Sync failed: {status.lastError.message}
        {status.lastSyncAt !== null && <span class="v-faint"> Last good sync {whenText(status.lastSyncAt, now)}.</span>}
      </p>
    );
  }
  return (
    <p class="v-alert v-alert--ok" data-testid="sync-status" role="status">
      {status.lastSyncAt !== null ? `Synced ${whenText(status.lastSyncAt, now)}.` : 'Connected, not synced yet.'}
    </p>
  );
}

function ConnectForm({ onConnected }: { onConnected: () => Promise<void> }) {
  const [serverUrl, setServerUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    // First, while the click still counts as the user's gesture.
    const asking = askServerAccess(serverUrl).catch(() => true);
    setBusy(true);
    try {
      if (!(await asking)) {
        setError('Vetted needs your permission to reach this server. Press Connect again and allow it.');
        return;
      }
      await send('syncConnect', { serverUrl, user, password, passphrase });
      setPassword('');
      setPassphrase('');
      await onConnected();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="v-stack sync-form" onSubmit={(e) => void submit(e)}>
      <div class="v-field">
        <label class="v-label" for="sync-server">
          Server address
        </label>
        <input
          id="sync-server"
          class="v-input"
          type="url"
          required
          value={serverUrl}
          autocomplete="url"
          placeholder="https://cloud.example.com/remote.php/dav/files/you/"
          aria-describedby="sync-server-hint"
          onInput={(e) => setServerUrl(e.currentTarget.value)}
        />
        <span id="sync-server-hint" class="v-small v-muted">
          The WebDAV address of your storage. Nextcloud: <code>https://HOST/remote.php/dav/files/USER/</code> (Files → Settings shows it).
        </span>
      </div>
      <div class="sync-pair">
        <div class="v-field">
          <label class="v-label" for="sync-user">
            User name
          </label>
          <input
            id="sync-user"
            class="v-input"
            required
            value={user}
            autocomplete="username"
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </div>
        <div class="v-field">
          <label class="v-label" for="sync-password">
            Password
          </label>
          <input
            id="sync-password"
            class="v-input"
            type="password"
            value={password}
            autocomplete="current-password"
            aria-describedby="sync-password-hint"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <span id="sync-password-hint" class="v-small v-muted">
            Nextcloud app passwords work (Settings → Security → Devices &amp; sessions).
          </span>
        </div>
      </div>
      <div class="v-field">
        <label class="v-label" for="sync-passphrase">
          Encryption passphrase
        </label>
        <input
          id="sync-passphrase"
          class="v-input"
          type="password"
          required
          value={passphrase}
          autocomplete="new-password"
          aria-describedby="sync-passphrase-hint"
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        <span id="sync-passphrase-hint" class="v-small v-muted">
          Everything is encrypted with it before it leaves this browser; the server only sees file names and sizes. Use the same passphrase
          on every device. It cannot be recovered: without it, the synced copy cannot be read.
        </span>
      </div>
      {error && (
        <p class="v-alert v-alert--error" role="alert">
          {error}
        </p>
      )}
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}

function Devices({ now }: { now: number }) {
  const { data, error } = useRequest('syncDevices', {}, { refreshOn });
  if (error) return <p class="v-small v-muted">Devices could not be listed: {error}</p>;
  if (!data) return <p class="v-small v-muted">Listing devices…</p>;
  return (
    <div class="v-stack">
      <h3>Devices in this workspace</h3>
      <ul class="sync-devices" aria-label="Devices">
        {data.map((d) => (
          <li key={d.deviceId}>
            <span class="sync-device-name">{d.name}</span>
            <span class="v-small v-muted">{d.lastSyncAt !== null ? `last synced ${whenText(d.lastSyncAt, now)}` : 'not synced yet'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SyncSection({ now = Date.now }: { now?: () => number }) {
  const { data: status, error, reload } = useRequest('syncStatus', {}, { refreshOn });
  const [busy, setBusy] = useState<'sync' | 'disconnect'>();
  const [actionError, setActionError] = useState<string>();

  const act = async (what: 'sync' | 'disconnect') => {
    setBusy(what);
    setActionError(undefined);
    try {
      if (what === 'sync') await send('syncNow', {});
      else await send('syncDisconnect', {});
      await reload();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusy(undefined);
    }
  };

  if (error) return <p class="v-alert v-alert--error">{error}</p>;
  if (!status) return <p class="v-muted">Loading…</p>;
  if (!status.connected) {
    return (
      <div class="v-stack">
        <p class="v-small v-muted opt-prose">
          Keep your notes, checks and projects the same on every computer, through storage you own (Nextcloud, ownCloud, a NAS or any WebDAV
          service). Vetted runs no server.
        </p>
        <ConnectForm onConnected={reload} />
      </div>
    );
  }
  return (
    <div class="v-stack">
      <dl class="opt-facts">
        <div>
          <dt>Server</dt>
          <dd class="sync-server">{status.serverUrl}</dd>
        </div>
        <div>
          <dt>User</dt>
          <dd>{status.user}</dd>
        </div>
        <div>
          <dt>This device</dt>
          <dd>{status.deviceName}</dd>
        </div>
      </dl>
      <StatusLine status={status} now={now()} />
      {actionError && (
        <p class="v-alert v-alert--error" role="alert">
          {actionError}
        </p>
      )}
      <div class="v-row opt-wrap">
        <button type="button" class="v-btn v-btn--primary" disabled={busy !== undefined} onClick={() => void act('sync')}>
          {busy === 'sync' ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" class="v-btn" disabled={busy !== undefined} onClick={() => void act('disconnect')}>
          Disconnect
        </button>
        <span class="v-small v-muted">Disconnecting keeps everything in this browser and on the server.</span>
      </div>
      <Devices now={now()} />
    </div>
  );
}
