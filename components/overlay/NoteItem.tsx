/** One note: kind, when, body (inert text), edit in place, delete at once (the list offers Undo). */
import { useState } from 'preact/hooks';
import { Pencil, Trash2 } from 'lucide-preact';
import type { Note, NoteKind } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { formatTimestamp, isoInstant } from './format';
import { NOTE_KIND_LABELS } from './labels';
import { KindSelect } from './KindSelect';
import { useNoteSave } from './use-note-save';
import { useEditorFocus } from '../shared/use-editor-focus';

/** Bodies longer than this are folded so a pasted 100 KB text does not bury the rest. */
const FOLD_AT = 600;

export interface NoteItemProps {
  note: Note;
  /** Deletes the note; throws with a message to show. */
  onDelete: (note: Note) => Promise<void>;
  locale?: string;
}

export function NoteItem({ note, onDelete, locale }: NoteItemProps) {
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const focus = useEditorFocus<HTMLTextAreaElement, HTMLButtonElement>(mode === 'edit');
  const [draft, setDraft] = useState<{ kind: NoteKind; body: string }>({ kind: note.kind, body: note.body });
  const [expanded, setExpanded] = useState(false);
  const { problem, save, saveText } = useNoteSave();
  const edited = note.updatedAt > note.createdAt;
  const long = note.body.length > FOLD_AT;
  const base = `ov-note-${note.id}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await saveText(draft.body, (body) =>
      send('saveNote', { id: note.id, ...(note.contractorKey ? { contractorKey: note.contractorKey } : {}), kind: draft.kind, body }),
    );
    if (ok) setMode('view');
  };


  return (
    <li class="ov-note" data-testid="note-item" data-note-id={note.id}>
      <div class="ov-note__meta">
        <span class={`v-pill ov-kind ov-kind--${note.kind}`}>{NOTE_KIND_LABELS[note.kind]}</span>
        <time class="v-xs v-muted" dateTime={isoInstant(note.createdAt)}>
          {formatTimestamp(note.createdAt, locale)}
        </time>
        {edited && (
          <span class="v-xs v-faint" title={`Edited ${formatTimestamp(note.updatedAt, locale)}`}>
            · edited
          </span>
        )}
        <span class="v-spacer" />
        {mode === 'view' && (
          <>
            <button
              ref={focus.opener}
              type="button"
              class="v-btn v-btn--ghost v-btn--icon v-btn--sm"
              aria-label="Edit note"
              title="Edit"
              onClick={() => {
                setDraft({ kind: note.kind, body: note.body });
                save.clearError();
                setMode('edit');
              }}
            >
              <Pencil size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              class="v-btn v-btn--ghost v-btn--icon v-btn--sm"
              aria-label="Delete note"
              title="Delete"
              disabled={save.saving}
              onClick={() => void save.run(() => onDelete(note))}
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </>
        )}
      </div>
      {mode === 'edit' ? (
        <form
          class="ov-stack-sm"
          onSubmit={submit}
          aria-label="Edit note"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setMode('view');
          }}
        >
          <label class="v-sr-only" for={`${base}-body`}>
            Note text
          </label>
          <textarea
            id={`${base}-body`}
            class="v-textarea"
            value={draft.body}
            ref={focus.editor}
            onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setMode('view');
              }
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
          <div class="v-row">
            <label class="v-sr-only" for={`${base}-kind`}>
              Kind of note
            </label>
            <KindSelect id={`${base}-kind`} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} />
            <span class="v-spacer" />
            <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={() => setMode('view')}>
              Cancel
            </button>
            <button type="submit" class="v-btn v-btn--primary v-btn--sm" disabled={save.saving || !draft.body.trim()}>
              {save.saving ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class={`ov-note__body v-user-text${long && !expanded ? ' ov-note__body--folded' : ''}`}>
            {long && !expanded ? `${foldText(note.body, FOLD_AT)}…` : note.body}
          </p>
          {long && (
            <button type="button" class="ov-textlink v-xs" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Show less' : `Show all (${Math.ceil(note.body.length / 1000)}k characters)`}
            </button>
          )}
        </>
      )}
      <ErrorText message={mode === 'edit' ? (problem ?? save.error) : save.error} />
    </li>
  );
}

/** The first `max` UTF-16 units without splitting an emoji's surrogate pair. */
export function foldText(text: string, max: number): string {
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
