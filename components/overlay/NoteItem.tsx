/** One note: kind, when, body (inert text), edit in place, delete at once (the list offers Undo). */
import { useState } from 'preact/hooks';
import { Pencil, Trash2 } from 'lucide-preact';
import type { Note, NoteKind } from '../../lib/db/schema';
import { send, VettedError } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { formatTimestamp, isoInstant } from './format';
import { NOTE_KIND_LABELS } from './labels';
import { KindSelect } from './KindSelect';
import { useNoteSave } from './use-note-save';
import { useEditorFocus } from '../shared/use-editor-focus';
import { OtherVersions } from '../shared/OtherVersions';
import type { OtherVersion } from '../../lib/db/repositories/conflicts';

/** Bodies longer than this are folded so a pasted 100 KB text does not bury the rest. */
const FOLD_AT = 600;

export interface NoteItemProps {
  note: Note;
  /** Deletes the note; throws with a message to show. */
  onDelete: (note: Note) => Promise<void>;
  locale?: string;
  /** issue 11: the note's other versions (edited on two devices before they synced). */
  versions?: readonly OtherVersion[];
  onChooseVersion?: (id: string, keep: 'current' | 'other') => Promise<void>;
}

export function NoteItem({ note, onDelete, locale, versions = [], onChooseVersion }: NoteItemProps) {
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const focus = useEditorFocus<HTMLTextAreaElement, HTMLButtonElement>(mode === 'edit');
  const [draft, setDraft] = useState<{ kind: NoteKind; body: string }>({ kind: note.kind, body: note.body });
  const [expanded, setExpanded] = useState(false);
  const { problem, save, saveText } = useNoteSave();
  // issue 12 (stale tab): the version the edit started from, and a save refused over a newer one.
  const [baseVersion, setBaseVersion] = useState(note.updatedAt);
  const [conflict, setConflict] = useState(false);
  /** Another view saved this note since the edit began (seen live, or refused on save). */
  const changedElsewhere = mode === 'edit' && (conflict || note.updatedAt > baseVersion);
  const edited = note.updatedAt > note.createdAt;
  const long = note.body.length > FOLD_AT;
  const base = `ov-note-${note.id}`;

  const submit = async (e: Event, base = baseVersion) => {
    e.preventDefault();
    let refused = false;
    const ok = await saveText(draft.body, (body) =>
      send('saveNote', {
        id: note.id,
        ...(note.contractorKey ? { contractorKey: note.contractorKey } : {}),
        kind: draft.kind,
        body,
        baseUpdatedAt: base,
      }).catch((err: unknown) => {
        if (!(err instanceof VettedError && err.code === 'conflict')) throw err;
        refused = true;
      }),
    );
    if (refused) setConflict(true);
    else if (ok) setMode('view');
  };
  /** Keep the text being edited, over the other version. */
  const keepMine = (e: Event) => {
    setConflict(false);
    setBaseVersion(note.updatedAt);
    void submit(e, note.updatedAt);
  };
  /** Drop this edit: the other version stays. */
  const useTheirs = () => {
    setConflict(false);
    setMode('view');
  };
  /** Both texts in the editor, to merge by hand; saving then goes over the other version. */
  const mergeBoth = () => {
    setDraft({ kind: draft.kind, body: `${draft.body.trim()}\n\n${note.body.trim()}` });
    setBaseVersion(note.updatedAt);
    setConflict(false);
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
                setBaseVersion(note.updatedAt);
                setConflict(false);
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
          onSubmit={(e) => void submit(e)}
          aria-label="Edit note"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setMode('view');
          }}
        >
          {changedElsewhere && (
            <div class="v-alert v-alert--warn ov-conflict" role="alert" data-testid="note-conflict">
              <p class="v-small">
                <strong>Changed elsewhere.</strong> This note was saved in another tab or view while you were editing it.
                {conflict ? ' Your text was not saved.' : ''}
              </p>
              <p class="v-xs v-muted">The other version:</p>
              <p class="ov-note__body v-user-text ov-conflict__theirs">{note.body}</p>
              <div class="v-row">
                <button type="button" class="v-btn v-btn--primary v-btn--sm" onClick={keepMine}>
                  Keep mine
                </button>
                <button type="button" class="v-btn v-btn--sm" onClick={mergeBoth}>
                  Put both in the editor
                </button>
                <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={useTheirs}>
                  Use theirs
                </button>
              </div>
            </div>
          )}
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
          {onChooseVersion && (
            <OtherVersions
              versions={versions}
              what="note"
              locale={locale}
              onChoose={onChooseVersion}
              describe={(row) => (
                <>
                  <p class="v-xs v-muted">{NOTE_KIND_LABELS[row.kind as NoteKind] ?? ''}</p>
                  <p class="ov-note__body v-user-text">{String(row.body ?? '')}</p>
                </>
              )}
            />
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
