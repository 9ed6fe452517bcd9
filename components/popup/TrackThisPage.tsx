/**
 * "Track this page" for a contractor on their own website (not a marketplace): the popup's twin of
 * the context-menu item. Opening the popup granted activeTab on the tab it was opened on, so the
 * background can read that page; the popup only knows the tab's id (no `tabs` permission), so it
 * asks the background whether tracking can work there before offering it.
 */
import { useEffect, useState } from 'preact/hooks';
import { Ban, UserPlus } from 'lucide-preact';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { TrackableCheck } from '../../lib/messaging/protocol';
import { openSidePanel } from '../../lib/messaging/side-panel';
import { ErrorAlert } from '../shared/ErrorAlert';

/** The tab the popup was opened on; none when the popup itself is open in a tab (nothing to track). */
async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || tab.id < 0) return undefined;
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  return own?.id === tab.id ? undefined : tab.id;
}

export function TrackThisPage({ windowId }: { windowId?: number }) {
  const [target, setTarget] = useState<{ tabId: number; check: TrackableCheck }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(activeTabId)
      .then(async (tabId) => {
        if (tabId === undefined) return;
        const check = await send('getTrackable', { tabId });
        if (live) setTarget({ tabId, check });
      })
      // Unknown tab or background busy: the popup works as before, without the offer.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (!target || target.check.state === 'marketplace') return null;

  if (target.check.state === 'unavailable') {
    return (
      <section class="pp-track pp-track--off" aria-label="This page" data-testid="track-page">
        <span class="pp-track__icon" aria-hidden="true">
          <Ban />
        </span>
        <p class="pp-track__text">
          <strong>Can’t track this page</strong>
          <span>{target.check.message}</span>
        </p>
      </section>
    );
  }

  const { tabId } = target;
  const track = () => {
    setBusy(true);
    setError(undefined);
    // Opened first, inside the click: both browsers refuse to open the panel once the gesture is gone.
    const panel = openSidePanel({}, { windowId });
    send('trackPage', { tabId }).then(
      () => {
        const close = () => window.close();
        void panel.then(close, close);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <section class="pp-track" aria-label="This page" data-testid="track-page">
      <span class="pp-track__icon" aria-hidden="true">
        <UserPlus />
      </span>
      <p class="pp-track__text">
        <strong>On their own website?</strong>
        <span>Track the contractor on this page.</span>
      </p>
      <button type="button" class="v-btn v-btn--sm pp-track__btn" onClick={track} disabled={busy} aria-busy={busy}>
        {busy ? 'Tracking…' : 'Track this page'}
      </button>
      <ErrorAlert message={error} class="v-xs pp-track__error" />
    </section>
  );
}
