/**
 * The same person on other marketplaces. Linking is picked from contractors Vetted already knows
 * (listContractors), so a typo cannot create a dangling link.
 */
import { useEffect, useState } from 'preact/hooks';
import { ExternalLink, Link2, Unlink, X } from 'lucide-preact';
import type { Contractor } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { SITE_NAMES } from './labels';
import { useSave } from '../shared/use-save';

export interface LinkedProfilesProps {
  contractor: Contractor;
  linked: Contractor[];
}

export function LinkedProfiles({ contractor, linked }: LinkedProfilesProps) {
  const [picking, setPicking] = useState(false);
  const save = useSave();

  const unlink = (other: Contractor) => save.run(() => send('unlinkContractors', { a: contractor.key, b: other.key }));

  return (
    <section class="ov-section" aria-labelledby="ov-linked-title">
      <div class="ov-section__head">
        <h2 id="ov-linked-title" class="ov-h2">
          Also on
        </h2>
        {!picking && (
          <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setPicking(true)}>
            <Link2 size={14} aria-hidden="true" /> Link a profile
          </button>
        )}
      </div>
      {linked.length === 0 && !picking && (
        <p class="v-small v-muted">No other profiles linked. Link this person’s profiles on other marketplaces to see them together.</p>
      )}
      {linked.length > 0 && (
        <ul class="ov-links" aria-label="Linked profiles">
          {linked.map((other) => (
            <li class="ov-link" key={other.key}>
              <span class="v-pill">{SITE_NAMES[other.site]}</span>
              <a class="ov-link__name v-ellipsis" href={other.profileUrl} target="_blank" rel="noopener noreferrer">
                {other.name || other.siteId}
                <ExternalLink size={12} aria-hidden="true" />
              </a>
              <button
                type="button"
                class="v-btn v-btn--ghost v-btn--icon v-btn--sm"
                aria-label={`Unlink ${other.name || other.siteId} on ${SITE_NAMES[other.site]}`}
                title="Unlink"
                disabled={save.saving}
                onClick={() => void unlink(other)}
              >
                <Unlink size={14} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <LinkPicker
          contractor={contractor}
          exclude={new Set([contractor.key, ...linked.map((c) => c.key), ...contractor.links])}
          onDone={() => setPicking(false)}
        />
      )}
      <ErrorText message={save.error} />
    </section>
  );
}

function LinkPicker({ contractor, exclude, onDone }: { contractor: Contractor; exclude: Set<string>; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Contractor[] | null>(null);
  const [loadError, setLoadError] = useState<string>();
  const save = useSave();

  useEffect(() => {
    let live = true;
    // Debounced so typing does not queue a request per key.
    const timer = setTimeout(() => {
      send('listContractors', { ...(query.trim() ? { query: query.trim() } : {}), limit: 30 })
        .then((list) => {
          if (!live) return;
          setResults(list);
          setLoadError(undefined);
        })
        .catch((err: unknown) => live && setLoadError(err instanceof Error ? err.message : String(err)));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const candidates = (results ?? []).filter((c) => !exclude.has(c.key));
  const link = async (other: Contractor) => {
    if (await save.run(() => send('linkContractors', { a: contractor.key, b: other.key }))) onDone();
  };

  return (
    <div class="ov-picker" role="group" aria-label="Link a profile">
      <div class="v-row">
        <label class="v-sr-only" for="ov-link-search">
          Search contractors you know
        </label>
        <input
          id="ov-link-search"
          class="v-input"
          type="search"
          placeholder="Search by name"
          value={query}
          autoFocus
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && onDone()}
        />
        <button type="button" class="v-btn v-btn--ghost v-btn--icon" aria-label="Close the picker" onClick={onDone}>
          <X size={16} aria-hidden="true" />
        </button>
      </div>
      {results === null && !loadError && <p class="v-small v-muted">Loading…</p>}
      {results !== null && candidates.length === 0 && (
        <p class="v-small v-muted">
          {query.trim() ? 'No match among the contractors you have looked at.' : 'Open their other profile once, then link it here.'}
        </p>
      )}
      {candidates.length > 0 && (
        <ul class="ov-picker__list">
          {candidates.map((c) => (
            <li key={c.key}>
              <button type="button" class="ov-picker__item" disabled={save.saving} onClick={() => void link(c)}>
                <span class="v-pill">{SITE_NAMES[c.site]}</span>
                <span class="v-ellipsis">{c.name || c.siteId}</span>
                <span class="v-spacer" />
                <span class="v-xs v-muted">Link</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorText message={loadError ?? save.error} />
    </div>
  );
}
