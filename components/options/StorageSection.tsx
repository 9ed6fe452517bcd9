/** How much space Vetted uses, whether the browser may evict it, and what it holds. */
import { useState } from 'preact/hooks';
import { useRequest } from '../use-request';
import { formatBytes } from './format';
import { ErrorAlert } from '../shared/ErrorAlert';

const TABLE_LABELS: Record<string, [one: string, many: string]> = {
  contractors: ['contractor', 'contractors'],
  checks: ['checklist tick', 'checklist ticks'],
  notes: ['note', 'notes'],
  ratings: ['rating', 'ratings'],
  projects: ['project', 'projects'],
  milestones: ['milestone', 'milestones'],
  payments: ['payment', 'payments'],
  lists: ['list', 'lists'], // issue 16
};

export function StorageSection() {
  const { data, error, reload } = useRequest('getStorageInfo', {});
  const [asked, setAsked] = useState<string>();

  // The options page shares the background's origin, so persistence granted here covers the database.
  const askPersist = async () => {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    setAsked(
      granted
        ? 'The browser will now keep Vetted’s data even when disk space runs low.'
        : 'The browser declined. Regular backups are your safety net.',
    );
    await reload();
  };

  if (error) return <ErrorAlert message={error} />;
  if (!data) return <p class="v-muted">Measuring…</p>;
  const counts = Object.entries(data.counts).filter(([t]) => t in TABLE_LABELS);
  return (
    <div class="v-stack" data-testid="storage-info">
      <dl class="opt-facts">
        <div>
          <dt>Space used</dt>
          <dd class="v-num">
            {data.usage !== undefined ? formatBytes(data.usage) : 'unknown'}
            {data.quota !== undefined && <span class="v-faint"> of {formatBytes(data.quota)} available</span>}
          </dd>
        </div>
        <div>
          <dt>Protected from clean-up</dt>
          <dd>
            {data.persisted ? (
              <span class="v-pill v-pill--ok">Yes, persistent</span>
            ) : (
              <span class="v-pill v-pill--warn">No, the browser may clear it when disk space is low</span>
            )}
          </dd>
        </div>
      </dl>
      {!data.persisted && (
        <div class="v-row">
          <button type="button" class="v-btn v-btn--sm" onClick={askPersist}>
            Ask the browser to keep it
          </button>
        </div>
      )}
      {asked && (
        <p class="v-small v-muted" role="status">
          {asked}
        </p>
      )}
      <p class="v-small v-muted">Stored: {counts.map(([t, n]) => `${n} ${TABLE_LABELS[t]![n === 1 ? 0 : 1]}`).join(', ')}.</p>
    </div>
  );
}
