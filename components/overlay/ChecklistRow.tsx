/** One checklist item: checkbox (done), a select for every state, and an optional note. */
import { useState } from 'preact/hooks';
import { MessageSquare, MessageSquarePlus } from 'lucide-preact';
import { CHECK_STATES } from '../../lib/db/constants';
import type { CheckState, ChecklistItem } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ChangedElsewhere, isConflict } from '../shared/ChangedElsewhere';
import { ErrorText } from '../shared/ErrorText';
import { CHECK_STATE_LABELS, CHECK_STATE_SHORT } from './labels';
import { tooLongMessage } from '../shared/limits';
import { useSave } from '../shared/use-save';
import { useEditorFocus } from '../shared/use-editor-focus';
import { OtherVersions } from '../shared/OtherVersions';
import type { OtherVersion } from '../../lib/db/repositories/conflicts';

export interface ChecklistRowProps {
  contractorKey: string;
  item: ChecklistItem;
  state: CheckState;
  note?: string;
  /** The stored check's updatedAt (0: none stored yet): the version a note edit begins from. */
  version?: number;
  error?: string;
  /** Ticked because the data proves it (the proof, in words); unticking overrides it. */
  auto?: string;
  onState: (state: CheckState) => void;
  /** issue 11: the check's other versions (set on two devices before they synced). */
  versions?: readonly OtherVersion[];
  onChooseVersion?: (id: string, keep: 'current' | 'other') => Promise<void>;
}

export function ChecklistRow({
  contractorKey,
  item,
  state,
  note,
  version = 0,
  error,
  auto,
  onState,
  versions = [],
  onChooseVersion,
}: ChecklistRowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note ?? '');
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  const base = `ov-item-${item.id}`;
  const focus = useEditorFocus<HTMLTextAreaElement, HTMLButtonElement>(editing);
  // issue 12 (stale tab): the version the note edit began from, and a save refused over a newer one.
  const [baseVersion, setBaseVersion] = useState(version);
  const [refused, setRefused] = useState(false);
  const changedElsewhere = editing && (refused || version > baseVersion);

  const saveNote = async (e: Event, from = baseVersion) => {
    e.preventDefault();
    const text = draft.trim();
    const long = tooLongMessage(text);
    setProblem(long);
    if (long) return;
    let conflict = false;
    const ok = await save.run(() =>
      send('setCheck', { contractorKey, itemId: item.id, note: text ? text : null, baseUpdatedAt: from }).catch((err: unknown) => {
        if (!isConflict(err)) throw err;
        conflict = true;
      }),
    );
    if (conflict) setRefused(true);
    else if (ok) setEditing(false);
  };
  const overwrite = (e: Event) => {
    setRefused(false);
    setBaseVersion(version);
    void saveNote(e, version);
  };
  const reload = () => {
    setRefused(false);
    setBaseVersion(version);
    setDraft(note ?? '');
  };

  return (
    <li class={`ov-check ov-check--${state}`} data-testid="checklist-item" data-item-id={item.id}>
      <div class={`ov-check__row${auto ? ' ov-check__row--auto' : ''}`}>
        <input
          type="checkbox"
          id={`${base}-box`}
          class="ov-check__box"
          checked={state === 'done'}
          aria-describedby={[auto ? `${base}-auto` : '', item.hint ? `${base}-hint` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onState(e.currentTarget.checked ? 'done' : 'todo')}
        />
        <label for={`${base}-box`} class="ov-check__label v-user-text" title={item.hint}>
          {item.label}
        </label>
        {auto && (
          <span id={`${base}-auto`} class="v-pill ov-check__auto" title={`${auto}. Untick to override.`}>
            <span aria-hidden="true">Auto</span>
            <span class="v-sr-only">Ticked automatically: {auto}. Untick to override.</span>
          </span>
        )}
        {item.hint && (
          <span id={`${base}-hint`} class="v-sr-only">
            {item.hint}
          </span>
        )}
        <select
          class={`ov-state ov-state--${state}`}
          aria-label={`State of “${item.label}”`}
          title={CHECK_STATE_LABELS[state]}
          value={state}
          onChange={(e) => onState(e.currentTarget.value as CheckState)}
        >
          {CHECK_STATES.map((s) => (
            <option key={s} value={s}>
              {CHECK_STATE_SHORT[s]}
            </option>
          ))}
        </select>
        <button
          ref={focus.opener}
          type="button"
          class={`v-btn v-btn--ghost v-btn--icon v-btn--sm ov-check__note-btn${note ? ' ov-check__note-btn--has' : ''}`}
          aria-label={note ? `Edit note on “${item.label}”` : `Add a note to “${item.label}”`}
          title={note ? 'Edit note' : 'Add a note'}
          aria-expanded={editing}
          aria-controls={editing ? `${base}-note-form` : undefined}
          onClick={() => {
            if (!editing) {
              setDraft(note ?? '');
              setBaseVersion(version);
              setRefused(false);
            }
            setEditing(!editing);
          }}
        >
          {note ? <MessageSquare size={14} aria-hidden="true" /> : <MessageSquarePlus size={14} aria-hidden="true" />}
        </button>
      </div>
      {note && !editing && <p class="ov-check__note v-user-text ov-clamp-3">{note}</p>}
      {onChooseVersion && !editing && (
        <OtherVersions
          versions={versions}
          what="check"
          onChoose={onChooseVersion}
          describe={(row) => (
            <>
              <p class="v-small">{CHECK_STATE_LABELS[row.state as CheckState] ?? ''}</p>
              {typeof row.note === 'string' && row.note && <p class="v-xs v-user-text">{row.note}</p>}
            </>
          )}
        />
      )}
      {editing && (
        <form
          class="ov-check__form"
          id={`${base}-note-form`}
          onSubmit={(e) => void saveNote(e)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setEditing(false);
          }}
        >
          {item.hint && <p class="v-xs v-muted">{item.hint}</p>}
          {changedElsewhere && <ChangedElsewhere what="checklist note" refused={refused} onReload={reload} onOverwrite={overwrite} />}
          <label class="v-sr-only" for={`${base}-note`}>
            Note on “{item.label}”
          </label>
          <textarea
            id={`${base}-note`}
            class="v-textarea ov-textarea-sm"
            value={draft}
            placeholder="What did you find out?"
            ref={focus.editor}
            onInput={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                // Closes this editor only, not the overlay; focus goes back to the note button.
                e.stopPropagation();
                setEditing(false);
              }
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void saveNote(e);
            }}
          />
          <div class="v-row">
            <button type="submit" class="v-btn v-btn--primary v-btn--sm" disabled={save.saving}>
              {save.saving ? 'Saving…' : 'Save note'}
            </button>
            <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          <ErrorText message={problem ?? save.error} />
        </form>
      )}
      <ErrorText message={error} />
    </li>
  );
}
