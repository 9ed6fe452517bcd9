/**
 * The search-result badge: a host element in the marketplace page with a CLOSED shadow root, so
 * page scripts can't read what it shows (status, your rating, vetting progress). Only the
 * contractor key, which the page itself displays, is on the host (`data-key`, test contract).
 */
import type { BadgeSummary } from '../messaging/protocol';
import type { ContractorStatus } from '../db/schema';

export const BADGE_TAG = 'vetted-badge';

const STATUS: Record<ContractorStatus, { label: string; color: string }> = {
  prospect: { label: 'Prospect', color: '#64748b' },
  shortlisted: { label: 'Shortlisted', color: '#2563eb' },
  hired: { label: 'Hired', color: '#15803d' },
  avoid: { label: 'Avoid', color: '#b91c1c' },
};

const CSS = `
:host { all: initial; }
.badge {
  display: inline-flex; align-items: center; gap: 6px;
  box-sizing: border-box; max-width: 100%; height: 24px; padding: 0 8px 0 6px;
  border-radius: 12px; border: 1px solid rgba(15, 23, 42, 0.12);
  background: #ffffff; color: #0f172a;
  box-shadow: 0 1px 3px rgba(15, 23, 42, 0.18);
  font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: nowrap; cursor: default; user-select: none;
}
.badge.avoid { background: #fef2f2; border-color: #fecaca; color: #7f1d1d; }
.mark { display: inline-grid; place-items: center; width: 14px; height: 14px; border-radius: 50%; color: #fff; font-size: 9px; }
.sep { width: 1px; height: 12px; background: rgba(15, 23, 42, 0.15); }
.muted { font-weight: 500; color: #475569; }
.failed { color: #b91c1c; }
@media (prefers-color-scheme: dark) {
  .badge { background: #1e293b; color: #f1f5f9; border-color: rgba(241, 245, 249, 0.18); }
  .badge.avoid { background: #450a0a; border-color: #7f1d1d; color: #fee2e2; }
  .muted { color: #cbd5e1; }
  .failed { color: #fca5a5; }
}
`;

/** What the badge says, as plain text parts (also its accessible label). Exported for tests. */
export function badgeParts(s: BadgeSummary): { status: string; rating?: string; vetted: string; failed?: string; label: string } {
  const status = STATUS[s.status]?.label ?? s.status;
  const rating = s.averageRating !== undefined ? `★ ${s.averageRating.toFixed(1)}` : undefined;
  const vetted = `${s.vetted.done}/${s.vetted.total}`;
  const failed = s.vetted.failed > 0 ? `${s.vetted.failed} failed` : undefined;
  const label = [
    `Vetted: ${status}`,
    s.averageRating !== undefined
      ? `your rating ${s.averageRating.toFixed(1)} of 5 over ${s.projects} project${s.projects === 1 ? '' : 's'}`
      : undefined,
    `vetting ${s.vetted.done} of ${s.vetted.total} checked`,
    failed,
  ]
    .filter(Boolean)
    .join(', ');
  return { status, rating, vetted, failed, label };
}

const roots = new WeakMap<Element, ShadowRoot>();

export function createBadgeHost(doc: Document, key: string): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.testid = 'vetted-badge';
  host.dataset.key = key;
  // Inline so page rules for unknown elements can't hide or stretch it.
  host.style.cssText =
    'all: initial; display: block; position: absolute; top: 8px; left: 8px; z-index: 3; max-width: calc(100% - 16px); pointer-events: auto;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  root.append(style);
  roots.set(host, root);
  return host;
}

export function renderBadge(host: HTMLElement, summary: BadgeSummary): void {
  const root = roots.get(host);
  if (!root) return;
  const doc = host.ownerDocument;
  const parts = badgeParts(summary);
  const color = STATUS[summary.status]?.color ?? '#64748b';

  const badge = doc.createElement('span');
  badge.className = `badge ${summary.status}`;
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', parts.label);
  badge.title = parts.label;

  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.style.background = color;
  mark.textContent = summary.status === 'avoid' ? '!' : '✓';
  mark.setAttribute('aria-hidden', 'true');

  const status = doc.createElement('span');
  status.textContent = parts.status;
  badge.append(mark, status);

  const add = (text: string, cls: string) => {
    const sep = doc.createElement('span');
    sep.className = 'sep';
    const el = doc.createElement('span');
    el.className = cls;
    el.textContent = text;
    badge.append(sep, el);
  };
  if (parts.rating) add(parts.rating, 'rating');
  add(parts.vetted, 'muted');
  if (summary.vetted.failed > 0) add(`✕${summary.vetted.failed}`, 'failed');

  root.querySelector('.badge')?.remove();
  root.append(badge);
}
