/**
 * Private notes about a contractor: add with a kind, edit, delete, newest first. A delete happens
 * at once and leaves an Undo in the note's place for a few seconds (restoreNote puts it back as it
 * was), so closing the overlay meanwhile never loses a delete the user asked for.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Plus } from 'lucide-preact';
import type { Note } from '../../lib/db/schema';
import { NOTES_PAGE } from '../../lib/messaging/pages';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { DeletedNote } from './DeletedNote';
import { KindSelect } from './KindSelect';
import { NoteItem } from './NoteItem';
import { readDraft, writeDraft } from './drafts';
import { useNoteSave } from './use-note-save';
import { useOtherVersions } from '../shared/use-other-versions';

export interface NotesProps {
  contractorKey: string;
  notes: readonly Note[];
  locale?: string;
  /** How many notes there are in all; `notes` holds the newest ones (issue 12, attack 8: paged). */
  total?: number;
}

const cursorOf = (n: Note) => ({ createdAt: n.createdAt, id: n.id });

export function Notes({ contractorKey, notes: first, locale, total }: NotesProps) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The note just deleted, while Undo is offered. */
  const [deleted, setDeleted] = useState<Note | null>(null);
  /** A restored note whose Delete button gets the focus back once it is listed again. */
  const [focusId, setFocusId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Pages after the first one, fetched with "Show older notes" (listNotes). */
  const [older, setOlder] = useState<Note[]>([]);
  const [olderError, setOlderError] = useState<string>();
  const [loadingOlder, setLoadingOlder] = useState(false);

  // Another profile in the same frame: its notes have nothing to undo.
  useEffect(() => {
    setDeleted(null);
    setFocusId(null);
    setAnnouncement('');
    setOlder([]);
    setOlderError(undefined);
  }, [contractorKey]);

  /** The older notes that follow the first page now, as many as were shown (a change refreshed it). */
  const fetchOlder = async (after: Note, count: number): Promise<Note[]> => {
    const out: Note[] = [];
    let cursor = after;
    while (out.length < count) {
      const page = await send('listNotes', { contractorKey, before: cursorOf(cursor), limit: Math.min(500, count - out.length) });
      out.push(...page.notes);
      if (!page.more || page.notes.length === 0) break;
      cursor = page.notes[page.notes.length - 1]!;
    }
    return out;
  };
  // A write anywhere refreshes the first page: the older ones shown are read again after it.
  const shownOlder = useRef(0);
  shownOlder.current = older.length;
  useEffect(() => {
    const last = first[first.length - 1];
    if (shownOlder.current === 0 || !last) return;
    let live = true;
    fetchOlder(last, shownOlder.current).then(
      (notes) => live && setOlder(notes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [first]);

  const notes = [...first, ...older.filter((o) => !first.some((n) => n.id === o.id))];
  // issue 11: notes edited on two devices before they synced show "2 versions".
  const versions = useOtherVersions(
    'notes',
    notes.map((n) => n.id),
  );
  const showOlder = async () => {
    const last = notes[notes.length - 1];
    if (!last) return;
    setLoadingOlder(true);
    setOlderError(undefined);
    try {
      const more = await fetchOlder(last, NOTES_PAGE);
      setOlder((o) => [...o, ...more]);
    } catch (err) {
      setOlderError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoadingOlder(false);
    }
  };
  const notShown = Math.max(0, (total ?? 0) - notes.length);

  const listed = notes.filter((n) => n.id !== deleted?.id);
  useEffect(() => {
    if (!focusId || !listed.some((n) => n.id === focusId)) return;
    section.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focusId)}"] [aria-label="Delete note"]`)?.focus();
    setFocusId(null);
  });

  const remove = async (note: Note) => {
    const reply = await send('deleteNote', { id: note.id });
    setDeleted(reply.note ?? note);
    setAnnouncement('Note deleted. Undo is available for a few seconds.');
  };
  const restore = async () => {
    if (!deleted) return;
    await send('restoreNote', { note: deleted });
    setFocusId(deleted.id);
    setDeleted(null);
    setAnnouncement('Note restored.');
  };
  const expire = (hadFocus: boolean) => {
    setDeleted(null);
    setAnnouncement('');
    if (hadFocus) heading.current?.focus();
  };

  const sorted = [...listed, ...(deleted ? [deleted] : [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section class="ov-section" aria-labelledby="ov-notes-title" ref={section}>
      <div class="ov-section__head">
        <h2 id="ov-notes-title" class="ov-h2" tabIndex={-1} ref={heading}>
          Notes
        </h2>
        {listed.length > 0 && <span class="v-xs v-muted v-num">{listed.length + notShown}</span>}
      </div>
      <NoteComposer contractorKey={contractorKey} onAdded={() => setAnnouncement('Note added.')} />
      <p class="v-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {sorted.length === 0 ? (
        <p class="v-small v-muted">No notes yet. Interview answers, references and what you agreed go here. Only you can see them.</p>
      ) : (
        <ul class="ov-notes" aria-label="Your notes">
          {sorted.map((note) =>
            note === deleted ? (
              <DeletedNote key={`deleted-${note.id}`} body={note.body} onUndo={restore} onExpire={expire} />
            ) : (
              <NoteItem
                key={note.id}
                note={note}
                onDelete={remove}
                locale={locale}
                versions={versions.of(note.id)}
                onChooseVersion={versions.choose}
              />
            ),
          )}
        </ul>
      )}
      {notShown > 0 && (
        <button type="button" class="v-btn v-btn--ghost v-btn--sm ov-notes__older" disabled={loadingOlder} onClick={() => void showOlder()}>
          {loadingOlder ? 'Loading…' : `Show older notes (${notShown} more)`}
        </button>
      )}
      <ErrorText message={olderError} />
    </section>
  );
}

/** Typing this recently, then losing the keyboard to the page, is focus theft (issue 12, attack 6). */
const TYPING_MS = 3_000;

/** How often the composer repeats "typing" to its content script while keys come (focus-keeper.ts). */
const TYPING_SAY_MS = 1_000;
/** Focus gone from the frame this long after a theft: the content script could not take it back. */
const STOLEN_AFTER_MS = 250;

function NoteComposer({ contractorKey, onAdded }: { contractorKey: string; onAdded: () => void }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const lastTyped = useRef(-Infinity);
  /** The page took the keyboard while the user was typing a note: stop and say so. */
  const [stolen, setStolen] = useState(false);
  // issue 12 (focus theft): while the user types here, the content script keeps the keyboard in
  // the frame (lib/content/focus-keeper.ts); it is told when typing stops.
  const saidTyping = useRef(-Infinity);
  const sayTyping = (typing: boolean) => {
    const t = performance.now();
    if (typing && t - saidTyping.current < TYPING_SAY_MS) return;
    saidTyping.current = typing ? t : -Infinity;
    send('overlayTyping', { typing }).catch(() => undefined);
  };
  /** The page tried, and the content script gave the keyboard back at once: said, nothing locked. */
  const [fended, setFended] = useState(false);
  /** The note field is where the user is (until focus moves to something else inside the frame). */
  const inComposer = useRef(false);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const onBlur = () => {
      // The frame lost focus to its parent (the marketplace page) while the user typed a note.
      if (!inComposer.current || performance.now() - lastTyped.current >= TYPING_MS) return;
      // Taken back within a moment (focus-keeper.ts): nothing reached the page. Else: stop and say so.
      pending ??= setTimeout(() => {
        pending = null;
        setStolen(true);
      }, STOLEN_AFTER_MS);
    };
    const onFocus = () => {
      if (pending) {
        clearTimeout(pending);
        pending = null;
        setFended(true);
      }
      if (inComposer.current && document.activeElement !== input.current) input.current?.focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (e.target === input.current) inComposer.current = true;
      else if (e.target !== document.body) {
        // Moved on inside the frame (Tab, a click): not typing a note any more.
        inComposer.current = false;
        sayTyping(false);
      }
    };
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      if (pending) clearTimeout(pending);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  const continueHere = () => {
    setStolen(false);
    lastTyped.current = -Infinity;
    input.current?.focus();
  };
  const [draft, setDraft] = useState(() => readDraft(contractorKey));
  const { problem, save, saveText } = useNoteSave();
  // Another profile in the same frame: show its own draft.
  useEffect(() => {
    setDraft(readDraft(contractorKey));
    save.clearError();
  }, [contractorKey]);

  const update = (next: typeof draft) => {
    setDraft(next);
    writeDraft(contractorKey, next);
  };

  // issue 12: one id per draft, so "Try again" after a lost reply can't add the note twice.
  const createId = useRef(crypto.randomUUID());
  const submit = async (e: Event) => {
    e.preventDefault();
    const sent = draft;
    const ok = await saveText(sent.body, (body) => send('saveNote', { createId: createId.current, contractorKey, kind: sent.kind, body }));
    if (ok) {
      createId.current = crypto.randomUUID();
      update({ kind: sent.kind, body: '' });
      // "Add note" is disabled once the field is empty: focus stays in the composer, ready for the next note.
      input.current?.focus();
      onAdded();
    }
  };

  return (
    <form class="ov-composer" onSubmit={submit} aria-label="Add a note">
      {fended && !stolen && (
        <p class="v-xs v-muted" role="status" data-testid="note-focus-kept">
          The page tried to take the keyboard while you typed. Vetted kept it: nothing went to the page.
        </p>
      )}
      {stolen && (
        <div id="ov-note-stolen" class="v-alert v-alert--warn ov-conflict" role="alert" data-testid="note-focus-lost">
          <p class="v-small">
            <strong>The page took the keyboard from Vetted</strong> while you were typing. Vetted took it back, and your note so far is kept
            here. Check the page’s own fields before you go on: if it took the keyboard again, the note field stays locked.
          </p>
          <div class="v-row">
            <button type="button" class="v-btn v-btn--primary v-btn--sm" onClick={continueHere}>
              Keep typing here
            </button>
          </div>
        </div>
      )}
      <label class="v-sr-only" for="ov-note-input">
        New note
      </label>
      <textarea
        id="ov-note-input"
        ref={input}
        data-testid="note-input"
        class="v-textarea"
        value={draft.body}
        placeholder="Add a private note…"
        readOnly={stolen}
        aria-describedby={stolen ? 'ov-note-stolen' : undefined}
        onInput={(e) => {
          lastTyped.current = performance.now();
          sayTyping(true);
          update({ ...draft, body: e.currentTarget.value });
        }}

        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <div class="v-row">
        <label class="v-sr-only" for="ov-note-kind">
          Kind of note
        </label>
        <KindSelect id="ov-note-kind" value={draft.kind} onChange={(kind) => update({ ...draft, kind })} />
        <span class="v-spacer" />
        <button type="submit" data-testid="note-save" class="v-btn v-btn--primary" disabled={save.saving || !draft.body.trim()}>
          <Plus size={16} aria-hidden="true" />
          {save.saving ? 'Saving…' : 'Add note'}
        </button>
      </div>
      <ErrorText message={problem ?? (save.error && `Your text is kept. ${save.error}`)} />
    </form>
  );
}
