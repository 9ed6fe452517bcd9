/** Loading, error and empty states of the panel. */
import type { ComponentChildren } from 'preact';
import { LoaderCircle, PlugZap, RefreshCw } from 'lucide-preact';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="ov-state-msg" role="status">
      <LoaderCircle size={20} class="ov-spin" aria-hidden="true" />
      <span class="v-small v-muted">{label}</span>
    </div>
  );
}

/** The background did not answer: most often the extension was updated under an open page. */
export function Disconnected({ detail, onRetry }: { detail?: string; onRetry: () => void }) {
  return (
    <div class="ov-state-msg" role="alert">
      <PlugZap size={28} class="ov-state-msg__icon ov-state-msg__icon--warn" aria-hidden="true" />
      <h2 class="ov-h2">Reload the page to reconnect Vetted</h2>
      <p class="v-small v-muted">Vetted can’t reach its storage right now, often because it was just updated. Your notes are safe.</p>
      {detail && <p class="v-xs v-faint v-user-text">{detail}</p>}
      <button type="button" class="v-btn" onClick={onRetry}>
        <RefreshCw size={14} aria-hidden="true" /> Try again
      </button>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="ov-state-msg">
      <h2 class="ov-h2">{title}</h2>
      {children}
    </div>
  );
}
