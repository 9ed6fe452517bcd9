/**
 * Deleting data: one contractor (with their checks, notes and ratings), or everything after the
 * user types DELETE. Both say exactly what goes, and suggest a backup first.
 */
import { useState } from 'preact/hooks';
import { Search, Trash2 } from 'lucide-preact';
import type { Contractor } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { useRequest } from '../use-request';
import { errorText } from './format';
import { MARKETPLACE_NAMES } from './GeneralSettings';
import { ErrorAlert } from '../shared/ErrorAlert';

function siteName(site: string): string {
  return (MARKETPLACE_NAMES as Record<string, string>)[site] ?? 'Other site';
}

export function DeleteContractor() {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Contractor | null>(null);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();
  const trimmed = query.trim();
  const { data: results, loading } = useRequest(
    'listContractors',
    { limit: 50, ...(trimmed ? { query: trimmed } : {}) },
    { refreshOn: (e) => e.tables.includes('contractors') },
  );

  const remove = async (c: Contractor) => {
    setError(undefined);
    try {
      const { deleted } = await send('deleteContractor', { key: c.key });
      setDone(deleted ? `${c.name || c.key} and their checks, notes and ratings were deleted.` : `${c.name || c.key} was already gone.`);
      setChosen(null);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <div class="v-stack">
      <h3>Delete one contractor</h3>
      <div class="v-field opt-narrow">
        <label class="v-label" for="delete-search">
          Find a contractor
        </label>
        <div class="opt-search">
          <Search aria-hidden="true" />
          <input
            id="delete-search"
            class="v-input"
            type="search"
            placeholder="Name or profile"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setDone(undefined);
            }}
          />
        </div>
      </div>
      {results && results.length > 0 ? (
        <ul class="opt-pick" aria-label="Contractors">
          {results.map((c) => (
            <li key={c.key}>
              <button
                type="button"
                class={`opt-pick__item${chosen?.key === c.key ? ' is-chosen' : ''}`}
                aria-pressed={chosen?.key === c.key}
                onClick={() => {
                  setChosen(c);
                  setDone(undefined);
                }}
              >
                <span class="v-ellipsis">{c.name || c.key}</span>
                <span class="v-faint v-xs">{siteName(c.site)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="v-faint v-small">{loading ? 'Loading…' : trimmed ? 'No contractor matches.' : 'No contractors yet.'}</p>
      )}
      {chosen && (
        <div class="v-alert v-alert--warn opt-confirm" role="group" aria-label={`Delete ${chosen.name || chosen.key}`}>
          <span class="v-spacer">
            Delete <strong>{chosen.name || chosen.key}</strong> with their checklist, notes and ratings? Projects and project notes stay,
            without the link to this person.
          </span>
          <button type="button" class="v-btn v-btn--sm v-btn--danger" onClick={() => void remove(chosen)}>
            <Trash2 aria-hidden="true" />
            Delete {chosen.name || 'contractor'}
          </button>
          <button type="button" class="v-btn v-btn--sm" onClick={() => setChosen(null)}>
            Cancel
          </button>
        </div>
      )}
      {done && (
        <p class="v-alert v-alert--ok" role="status">
          {done}
        </p>
      )}
      <ErrorAlert message={error} />
    </div>
  );
}

export function DeleteEverything() {
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const ready = typed.trim() === 'DELETE';

  const remove = async (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    setError(undefined);
    try {
      await send('deleteEverything', { confirm: 'DELETE' });
      setDone(true);
      setTyped('');
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form class="v-stack opt-danger" onSubmit={remove}>
      <h3>Delete everything</h3>
      <p class="v-small">
        Removes every contractor, note, checklist tick, rating, project, milestone and payment, and resets your settings. This cannot be
        undone. <strong>Export a backup first</strong> if you might want any of it back.
      </p>
      <div class="v-field opt-narrow">
        <label class="v-label" for="delete-confirm">
          Type DELETE to confirm
        </label>
        <input
          id="delete-confirm"
          class="v-input"
          autoComplete="off"
          spellcheck={false}
          value={typed}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            setDone(false);
          }}
        />
      </div>
      <div>
        <button type="submit" class="v-btn v-btn--danger" disabled={!ready}>
          <Trash2 aria-hidden="true" />
          Delete all my Vetted data
        </button>
      </div>
      {done && (
        <p class="v-alert v-alert--ok" role="status">
          All Vetted data was deleted.
        </p>
      )}
      <ErrorAlert message={error} />
    </form>
  );
}
