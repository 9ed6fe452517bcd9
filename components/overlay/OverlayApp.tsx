/**
 * The overlay frame's root: works out which contractor to show, loads it (and reloads on every
 * change broadcast, so edits made elsewhere appear live), and switches between the collapsed tab
 * and the panel, telling the content script the size it needs.
 */
import { useEffect, useRef } from 'preact/hooks';
import { Lock, PanelRightClose, ShieldCheck } from 'lucide-preact';
import { DEFAULT_CHECKLIST } from '../../lib/domain/checklist';
import { reputation } from '../../lib/domain/reputation';
import { vettingProgress, withDerived } from '../../lib/domain/vetting';
import type { ChangeEvent } from '../../lib/messaging/protocol';
import { useRequest } from '../use-request';
import { CollapsedTab } from './CollapsedTab';
import { OverlayPanel } from './OverlayPanel';
import { Disconnected, Empty, Loading } from './StateMessage';
import { useContractorKey } from './use-contractor-key';
import { useOverlayOpen } from './use-overlay-open';
import { useReadyMark } from './use-ready-mark';

const dataChanged = (e: ChangeEvent) => e.tables.some((t) => t !== 'settings');
const settingsChanged = (e: ChangeEvent) => e.tables.includes('settings');

export function OverlayApp() {
  const { key, tabId, nonce, resolving, error: keyError, retry: retryBinding } = useContractorKey();
  // issue 12: nothing is asked (the background would refuse it anyway) until the frame is bound.
  const bound = nonce !== null;
  const settings = useRequest('getSettings', bound ? {} : null, { refreshOn: settingsChanged });
  const view = useRequest('getContractor', bound && key ? { key } : null, { refreshOn: dataChanged });
  const { open, toggle } = useOverlayOpen(settings.data?.overlayOpen, settings.error !== undefined || keyError !== undefined, nonce);

  // After a click on the toggle, keep keyboard focus on the toggle of the new state.
  const toggledByUser = useRef(false);
  useEffect(() => {
    if (!toggledByUser.current) return;
    toggledByUser.current = false;
    document.querySelector<HTMLElement>('[data-testid="overlay-toggle"]')?.focus();
  }, [open]);
  const onToggle = () => {
    toggledByUser.current = true;
    toggle();
  };

  const template = settings.data?.checklist ?? DEFAULT_CHECKLIST;
  // While the hash moves to another profile the previous contractor's data must not show.
  const current = view.data && view.data.contractor.key === key ? view.data : undefined;
  const stale = view.data != null && view.data.contractor.key !== key;
  const error = keyError ?? view.error ?? settings.error;
  useReadyMark(open === null ? undefined : current?.contractor.key);

  // A frame the page made (or re-pointed) is never bound: it shows nothing at all.
  if (!bound && !keyError) return null;
  if (open === null) return null;

  if (!open) {
    return (
      <CollapsedTab
        status={current?.contractor.status}
        progress={current ? vettingProgress(template, withDerived(current.checks, current.derived ?? []).states) : undefined}
        reputation={current ? reputation(current.ratings) : undefined}
        problem={error && !current ? 'Vetted is disconnected' : undefined}
        onOpen={onToggle}
      />
    );
  }

  const retry = () => {
    void settings.reload();
    if (!nonce) retryBinding();
    else if (key) void view.reload();
    else location.reload();
  };

  let body;
  if (error && !current) body = <Disconnected detail={error} onRetry={retry} />;
  else if (resolving || (key && !current && (view.loading || view.data === undefined || stale))) body = <Loading />;
  else if (!key) {
    body = (
      <Empty title="No contractor on this page">
        <p class="v-small v-muted">Open a freelancer’s profile and Vetted shows your checklist and notes for them here.</p>
      </Empty>
    );
  } else if (!current) {
    body = (
      <Empty title="Vetted hasn’t saved this profile yet">
        <p class="v-small v-muted">It usually takes a second. If nothing appears, reload the page.</p>
      </Empty>
    );
  } else {
    body = (
      <>
        {error && (
          // Shown data may be out of date and saves will fail until the page is reloaded.
          <p class="v-alert v-alert--warn ov-alert ov-reconnect" role="alert">
            Reload the page to reconnect Vetted. What you see may be out of date.
          </p>
        )}
        <OverlayPanel view={current} template={template} tabId={tabId} kits={settings.data?.interviewKits} />
      </>
    );
  }

  return (
    <div
      class={`ov-panel${current?.contractor.status === 'avoid' ? ' ov-panel--avoid' : ''}`}
      role="region"
      aria-label="Vetted"
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        // Inner editors close themselves first (and stop the event). Esc in a text field does not
        // collapse (typing is never thrown away); on a checkbox, radio, select or button it does.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if (target.closest('textarea, [contenteditable], [role="alertdialog"]')) return;
        if (
          target instanceof HTMLInputElement &&
          !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
        )
          return;
        onToggle();
      }}
    >
      <div class="ov-bar">
        <ShieldCheck size={18} class="ov-bar__logo" aria-hidden="true" />
        <span class="ov-bar__title">Vetted</span>
        <span class="ov-bar__private v-xs" title="Stored only in this browser. The marketplace can’t see it.">
          <Lock size={11} aria-hidden="true" /> Private to you
        </span>
        <span class="v-spacer" />
        <button
          type="button"
          class="v-btn v-btn--ghost v-btn--icon"
          data-testid="overlay-toggle"
          aria-expanded="true"
          aria-label="Collapse Vetted"
          title="Collapse (Esc)"
          onClick={onToggle}
        >
          <PanelRightClose size={18} aria-hidden="true" />
        </button>
      </div>
      <div class="ov-scroll">{body}</div>
    </div>
  );
}
