/**
 * issue 11: a failed sync is never silent. When the last sync failed, the popup says so in plain
 * words with a link to Options → Sync; otherwise (not connected, or synced) it shows nothing.
 */
import { browser } from 'wxt/browser';
import { useRequest } from '../use-request';

export function SyncNotice() {
  const { data } = useRequest('syncStatus', {}, { refreshOn: (e) => e.tables.includes('syncConnection') });
  if (!data?.connected || !data.lastError) return null;
  const open = (e: Event) => {
    e.preventDefault();
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html#sync') });
  };
  return (
    <p class="v-alert v-alert--error pp-pad" role="alert" data-testid="popup-sync-error">
      Sync failed: {data.lastError.message}{' '}
      <a href="/options.html#sync" onClick={open}>
        Sync settings
      </a>
    </p>
  );
}
