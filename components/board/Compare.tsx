/**
 * 2–4 contractors side by side (issue 16): one column each, the same rows in every column so the
 * eye can run across. Ends with a choice: shortlist, avoid, or start a project with one of them.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArrowLeft, Ban, Briefcase, ExternalLink, Star } from 'lucide-preact';
import { visibleItems } from '../../lib/domain/checklist';
import { rateChange } from '../../lib/domain/board';
import { formatMoney } from '../../lib/domain/money';
import { CRITERIA, CRITERION_LABELS, reputation } from '../../lib/domain/reputation';
import { vettingProgress } from '../../lib/domain/vetting';
import type { CheckState, ContractorStatus } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import type { CompareEntry } from '../../lib/messaging/protocol';
import { CHECK_STATE_LABELS, NOTE_KIND_LABELS, STATUS_LABELS } from '../overlay/labels';
import { SITE_NAMES } from '../site-names';
import { ErrorText } from '../shared/ErrorText';
import { openSidePanel } from '../../lib/messaging/side-panel';
import { useSave } from '../shared/use-save';
import { useRequest } from '../use-request';
import { dayText, rateText, ratingText } from './format';

export interface CompareProps {
  keys: string[];
  locale?: string;
  onBack: () => void;
}

export function Compare({ keys, locale, onBack }: CompareProps) {
  const view = useRequest(
    'getCompare',
    { keys },
    {
      refreshOn: (e) => e.tables.some((t) => ['contractors', 'checks', 'notes', 'ratings', 'projects', 'settings'].includes(t)),
    },
  );
  const save = useSave();
  const [message, setMessage] = useState<string>();
  const entries = view.data?.entries ?? [];
  const items = visibleItems(view.data?.template ?? []);

  const setStatus = (entry: CompareEntry, status: ContractorStatus) =>
    save.run(async () => {
      setMessage(undefined);
      await send('updateContractor', { key: entry.contractor.key, patch: { status } });
      setMessage(`${entry.contractor.name} is now ${STATUS_LABELS[status].toLowerCase()}.`);
    });

  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    // Known before any click: sidePanel.open() must run inside the click, with nothing awaited first.
    Promise.resolve()
      .then(() => browser.windows.getCurrent())
      .then((w) => setWindowId(w?.id))
      .catch(() => undefined);
  }, []);

  /**
   * The new-project form for them, in the side panel (a new tab where there is none): the board
   * and this comparison stay where they are.
   */
  const startProject = (entry: CompareEntry) => {
    setMessage(undefined);
    const name = entry.contractor.name;
    openSidePanel({ newProject: true, contractorKey: entry.contractor.key }, { windowId }).then(
      (where) => setMessage(`The new project with ${name} is open ${where === 'panel' ? 'in the side panel' : 'in a new tab'}.`),
      () => setMessage(`The side panel could not be opened for ${name}.`),
    );
  };

  return (
    <main class="bd-page">
      <header class="bd-header">
        <div>
          <button type="button" class="v-btn v-btn--ghost bd-back" onClick={onBack}>
            <ArrowLeft size={16} aria-hidden="true" /> Back to the board
          </button>
          <h1 class="bd-h1">Compare {entries.length > 0 ? entries.length : ''} contractors</h1>
        </div>
      </header>
      <ErrorText message={view.error ? `The comparison could not be loaded: ${view.error}` : undefined} />
      {view.data && entries.length < keys.length && (
        <p class="v-alert v-alert--warn" role="status">
          {keys.length - entries.length === 1 ? 'One contractor' : `${keys.length - entries.length} contractors`} you picked are no longer
          in Vetted.
        </p>
      )}
      {message && (
        <p class="v-alert v-alert--ok" role="status">
          {message}
        </p>
      )}
      <ErrorText message={save.error} />
      {view.loading && !view.data && <p class="v-muted">Loading…</p>}
      <div class="cmp-grid" style={{ gridTemplateColumns: `repeat(${Math.max(1, entries.length)}, minmax(220px, 1fr))` }}>
        {entries.map((entry) => (
          <Column
            key={entry.contractor.key}
            entry={entry}
            items={items}
            template={view.data!.template}
            locale={locale}
            busy={save.saving}
            onStatus={(s) => void setStatus(entry, s)}
            onStart={() => void startProject(entry)}
          />
        ))}
      </div>
    </main>
  );
}

interface ColumnProps {
  entry: CompareEntry;
  items: ReturnType<typeof visibleItems>;
  template: Parameters<typeof vettingProgress>[0];
  locale?: string;
  busy: boolean;
  onStatus: (status: ContractorStatus) => void;
  onStart: () => void;
}

function Column({ entry, items, template, locale, busy, onStatus, onStart }: ColumnProps) {
  const c = entry.contractor;
  const id = `cmp-${c.key.replace(/[^a-z0-9]/gi, '-')}`;
  const change = rateChange(c.history, c.rate);
  const progress = vettingProgress(template, entry.checks);
  const states = new Map<string, CheckState>(entry.checks.map((ch) => [ch.itemId, ch.state]));
  const rep = reputation(entry.ratings);
  const interviews = entry.notes.filter((n) => n.kind === 'interview');
  const references = entry.notes.filter((n) => n.kind === 'reference');

  return (
    <section class="cmp-col v-card" data-testid="compare-column" data-key={c.key} aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`} class="cmp-name v-user-text">
        {c.name}
      </h2>
      <p class="v-small">
        <span class={`bd-status bd-status--${c.status}`}>
          <span class="bd-dot" aria-hidden="true" />
          {STATUS_LABELS[c.status]}
        </span>
      </p>
      <dl class="cmp-facts">
        <dt>Site</dt>
        <dd>
          <a href={c.profileUrl} target="_blank" rel="noopener noreferrer">
            {SITE_NAMES[c.site]} profile <ExternalLink size={12} aria-hidden="true" />
          </a>
        </dd>
        <dt>Rate</dt>
        <dd>
          {rateText(c.rate, locale)}
          {change && change.deltaMinor !== 0 && (
            <span class={`v-xs ${change.deltaMinor > 0 ? 'cmp-up' : 'cmp-down'}`}>
              {' '}
              ({change.deltaMinor > 0 ? '+' : '−'}
              {formatMoney(Math.abs(change.deltaMinor), change.from.currency, locale, { trimZeroFraction: true })} since{' '}
              {dayText(change.since, locale)})
            </span>
          )}
          {change && change.deltaMinor === 0 && <span class="v-xs v-muted"> (unchanged since {dayText(change.since, locale)})</span>}
        </dd>
        <dt>Marketplace rating</dt>
        <dd>
          {c.marketplaceRating
            ? `${ratingText(c.marketplaceRating.score, locale)} / ${c.marketplaceRating.outOf}${c.marketplaceRating.count !== undefined ? ` (${c.marketplaceRating.count} reviews)` : ''}`
            : '—'}
        </dd>
        <dt>Job Success</dt>
        <dd>{c.jobSuccess !== undefined ? `${c.jobSuccess}%` : '—'}</dd>
        <dt>Vetting</dt>
        <dd>
          {progress.label} done{progress.failed > 0 ? `, ${progress.failed} failed` : ''}
        </dd>
      </dl>

      <h3 class="cmp-h3">Checklist</h3>
      <ul class="cmp-checks">
        {items.map((item) => {
          const state = states.get(item.id) ?? 'todo';
          return (
            <li key={item.id} class={`cmp-check cmp-check--${state}`}>
              <span class="cmp-check__label">{item.label}</span>
              <span class="cmp-check__state">{CHECK_STATE_LABELS[state]}</span>
            </li>
          );
        })}
      </ul>

      <h3 class="cmp-h3">{NOTE_KIND_LABELS.interview} answers</h3>
      <NoteList notes={interviews} empty="No interview notes." locale={locale} />
      <h3 class="cmp-h3">{NOTE_KIND_LABELS.reference} notes</h3>
      <NoteList notes={references} empty="No reference notes." locale={locale} />

      <h3 class="cmp-h3">Your ratings</h3>
      {rep.count === 0 ? (
        <p class="v-small v-muted">Not rated yet.</p>
      ) : (
        <dl class="cmp-facts">
          <dt>Average</dt>
          <dd>
            {ratingText(rep.overall, locale)} / 5 ({rep.count === 1 ? '1 rating' : `${rep.count} ratings`})
          </dd>
          {CRITERIA.map((k) => (
            <Fragment key={k}>
              <dt>{CRITERION_LABELS[k]}</dt>
              <dd>{ratingText(rep.averages![k], locale)}</dd>
            </Fragment>
          ))}
          <dt>Would rehire</dt>
          <dd>{rep.lastWouldRehire ? 'Yes' : 'No'}</dd>
        </dl>
      )}

      <div class="cmp-actions" role="group" aria-label={`Decide about ${c.name}`}>
        <button type="button" class="v-btn" disabled={busy || c.status === 'shortlisted'} onClick={() => onStatus('shortlisted')}>
          <Star size={16} aria-hidden="true" /> Shortlist
        </button>
        <button type="button" class="v-btn v-btn--danger" disabled={busy || c.status === 'avoid'} onClick={() => onStatus('avoid')}>
          <Ban size={16} aria-hidden="true" /> Avoid
        </button>
        <button type="button" class="v-btn v-btn--primary" disabled={busy} onClick={onStart}>
          <Briefcase size={16} aria-hidden="true" /> Start a project
        </button>
      </div>
    </section>
  );
}

function NoteList({ notes, empty, locale }: { notes: CompareEntry['notes']; empty: string; locale?: string }) {
  if (notes.length === 0) return <p class="v-small v-muted">{empty}</p>;
  return (
    <ul class="cmp-notes">
      {notes.map((n) => (
        <li key={n.id}>
          <p class="v-small v-user-text cmp-note">{n.body}</p>
          <p class="v-xs v-muted">{dayText(n.createdAt, locale)}</p>
        </li>
      ))}
    </ul>
  );
}
