/**
 * Issue 16: tags on a contractor (autocomplete from the tags already in use: a native datalist,
 * which every browser and screen reader knows) and the named lists they are on.
 */
import { useEffect, useState } from 'preact/hooks';
import { ListPlus, Plus, X } from 'lucide-preact';
import type { Contractor } from '../../lib/db/schema';
import type { ListSummary } from '../../lib/messaging/protocol';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { useSave } from '../shared/use-save';
import { useRequest } from '../use-request';

export const MAX_TAG_LENGTH = 100;

/** Trims, collapses spaces; '' when nothing is left. */
export function cleanTag(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
}

export function TagsAndLists({ contractor }: { contractor: Contractor }) {
  return (
    <section class="ov-section" aria-labelledby="ov-tags-title">
      <div class="ov-section__head">
        <h2 id="ov-tags-title" class="ov-h2">
          Tags and lists
        </h2>
      </div>
      <Tags contractor={contractor} />
      <Lists contractorKey={contractor.key} name={contractor.name} />
    </section>
  );
}

function Tags({ contractor }: { contractor: Contractor }) {
  const [shown, setShown] = useState(contractor.tags);
  useEffect(() => setShown(contractor.tags), [contractor.tags]);
  const [draft, setDraft] = useState('');
  const known = useRequest('getTags', {}, { refreshOn: (e) => e.tables.includes('contractors') });
  const save = useSave();

  const write = async (next: string[]) => {
    const before = shown;
    setShown(next);
    const ok = await save.run(() => send('updateContractor', { key: contractor.key, patch: { tags: next } }));
    if (!ok) setShown(before);
    return ok;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const tag = cleanTag(draft);
    if (!tag) return;
    // The same tag in another case is the same tag: keep the one already in use.
    const existing = (known.data ?? []).find((t) => t.localeCompare(tag, undefined, { sensitivity: 'base' }) === 0) ?? tag;
    if (shown.some((t) => t.localeCompare(existing, undefined, { sensitivity: 'base' }) === 0)) {
      setDraft('');
      return;
    }
    if (await write([...shown, existing])) setDraft('');
  };

  const suggestions = (known.data ?? []).filter((t) => !shown.includes(t));
  return (
    <div class="ov-tags">
      {shown.length > 0 ? (
        <ul class="ov-chips" aria-label="Tags">
          {shown.map((tag) => (
            <li key={tag} class="ov-chip">
              <span class="v-user-text">{tag}</span>
              <button
                type="button"
                class="ov-chip__remove"
                aria-label={`Remove tag ${tag}`}
                title="Remove tag"
                disabled={save.saving}
                onClick={() => void write(shown.filter((t) => t !== tag))}
              >
                <X size={12} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="v-small v-muted">No tags yet. Tags group people across lists, for example “logo” or “copywriting”.</p>
      )}
      <form class="ov-inline-form" onSubmit={(e) => void add(e)}>
        <label class="v-sr-only" for="ov-tag-input">
          Add a tag
        </label>
        <input
          id="ov-tag-input"
          class="v-input"
          type="text"
          list="ov-tag-suggestions"
          placeholder="Add a tag"
          autocomplete="off"
          maxLength={MAX_TAG_LENGTH}
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        />
        <datalist id="ov-tag-suggestions">
          {suggestions.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <button type="submit" class="v-btn v-btn--sm" disabled={save.saving || !cleanTag(draft)}>
          <Plus size={14} aria-hidden="true" /> Add tag
        </button>
      </form>
      <ErrorText message={save.error ? `Tags not saved: ${save.error}` : undefined} />
    </div>
  );
}

function Lists({ contractorKey }: { contractorKey: string; name: string }) {
  const lists = useRequest('listLists', { key: contractorKey }, { refreshOn: (e) => e.tables.includes('lists') });
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState('');
  const save = useSave();
  const memberOf = new Set(lists.data?.memberOf ?? []);

  const toggle = (listId: string, member: boolean) =>
    save.run(async () => {
      await send('setListMember', { listId, key: contractorKey, member });
      await lists.reload();
    });

  const create = async (event: Event) => {
    event.preventDefault();
    const listName = draft.trim();
    if (!listName) return;
    const ok = await save.run(async () => {
      await send('saveList', { name: listName, addKey: contractorKey });
      await lists.reload();
    });
    if (ok) {
      setDraft('');
      setCreating(false);
    }
  };

  return (
    <div class="ov-lists">
      <fieldset class="ov-list-choices">
        <legend class="ov-h3">Lists</legend>
        {lists.error && <ErrorText message={`Lists could not be loaded: ${lists.error}`} />}
        {lists.data && lists.data.lists.length === 0 && (
          <p class="v-small v-muted">No lists yet. Make one to keep a shortlist, for example “Logo designers, March”.</p>
        )}
        {lists.data?.lists.map((l) => (
          <label key={l.id} class="ov-list-choice">
            <input
              type="checkbox"
              checked={memberOf.has(l.id)}
              disabled={save.saving}
              onChange={(e) => void toggle(l.id, (e.target as HTMLInputElement).checked)}
            />
            <span class="v-user-text v-ellipsis">{l.name}</span>
            <span class="v-xs v-muted">{l.count}</span>
          </label>
        ))}
      </fieldset>
      {creating ? (
        <form class="ov-inline-form" onSubmit={(e) => void create(e)}>
          <label class="v-sr-only" for="ov-new-list">
            Name of the new list
          </label>
          <input
            id="ov-new-list"
            class="v-input"
            type="text"
            placeholder="New list name"
            maxLength={200}
            value={draft}
            ref={(el) => el?.focus()}
            onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setCreating(false);
            }}
          />
          <button type="submit" class="v-btn v-btn--sm v-btn--primary" disabled={save.saving || !draft.trim()}>
            Create and add
          </button>
          <button type="button" class="v-btn v-btn--sm v-btn--ghost" onClick={() => setCreating(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setCreating(true)}>
          <ListPlus size={14} aria-hidden="true" /> New list
        </button>
      )}
      {lists.data && lists.data.lists.length > 0 && <CardList lists={lists.data.lists} />}
      <ErrorText message={save.error ? `List not saved: ${save.error}` : undefined} />
    </div>
  );
}

/**
 * Which list a click on a search-result mark adds to, besides shortlisting (settings.cardListId).
 * The list's name stays here, in the extension's own frame: the mark in the page never shows it.
 */
function CardList({ lists }: { lists: readonly ListSummary[] }) {
  const settings = useRequest('getSettings', {}, { refreshOn: (e) => e.tables.includes('settings') });
  const save = useSave();
  const chosen = settings.data?.cardListId ?? '';
  const value = lists.some((l) => l.id === chosen) ? chosen : '';
  const choose = (id: string) =>
    void save.run(async () => {
      await send('updateSettings', { patch: { cardListId: id || null } });
      await settings.reload();
    });
  return (
    <div class="ov-card-list">
      <label class="v-small" for="ov-card-list">
        One click on a search-result mark shortlists and adds to
      </label>
      <select
        id="ov-card-list"
        class="v-select"
        value={value}
        disabled={!settings.data || save.saving}
        onChange={(e) => choose(e.currentTarget.value)}
      >
        <option value="">No list (shortlist only)</option>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <ErrorText message={save.error ? `Not saved: ${save.error}` : undefined} />
    </div>
  );
}
