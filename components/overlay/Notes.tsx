/** Private notes about a contractor: add with a kind, edit, delete (after a confirm), newest first. */
import { useEffect, useState } from 'preact/hooks';
import { Plus } from 'lucide-preact';
import type { Note } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ErrorText } from './ErrorText';
import { KindSelect } from './KindSelect';
import { NoteItem } from './NoteItem';
import { readDraft, writeDraft } from './drafts';
import { tooLongMessage } from './limits';
import { useSave } from './use-save';

export interface NotesProps {
  contractorKey: string;
  notes: readonly Note[];
  locale?: string;
}

export function Notes({ contractorKey, notes, locale }: NotesProps) {
  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section class="ov-section" aria-labelledby="ov-notes-title">
      <div class="ov-section__head">
        <h2 id="ov-notes-title" class="ov-h2">
          Notes
        </h2>
        {notes.length > 0 && <span class="v-xs v-muted v-num">{notes.length}</span>}
      </div>
      <NoteComposer contractorKey={contractorKey} />
      {sorted.length === 0 ? (
        <p class="v-small v-muted">No notes yet. Interview answers, references and what you agreed go here. Only you can see them.</p>
      ) : (
        <ul class="ov-notes" aria-label="Your notes">
          {sorted.map((note) => (
            <NoteItem key={note.id} note={note} locale={locale} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NoteComposer({ contractorKey }: { contractorKey: string }) {
  const [draft, setDraft] = useState(() => readDraft(contractorKey));
  const [problem, setProblem] = useState<string>();
  const save = useSave();
  // Another profile in the same frame: show its own draft.
  useEffect(() => {
    setDraft(readDraft(contractorKey));
    save.clearError();
  }, [contractorKey]);

  const update = (next: typeof draft) => {
    setDraft(next);
    writeDraft(contractorKey, next);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const body = draft.body.trim();
    if (!body) return;
    const long = tooLongMessage(body);
    setProblem(long);
    if (long) return;
    const sent = draft;
    const ok = await save.run(() => send('saveNote', { contractorKey, kind: sent.kind, body }));
    if (ok) update({ kind: sent.kind, body: '' });
  };

  return (
    <form class="ov-composer" onSubmit={submit} aria-label="Add a note">
      <label class="v-sr-only" for="ov-note-input">
        New note
      </label>
      <textarea
        id="ov-note-input"
        data-testid="note-input"
        class="v-textarea"
        value={draft.body}
        placeholder="Add a private note…"
        onInput={(e) => update({ ...draft, body: e.currentTarget.value })}
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
        <button
          type="submit"
          data-testid="note-save"
          class="v-btn v-btn--primary"
          disabled={save.saving || !draft.body.trim()}
        >
          <Plus size={16} aria-hidden="true" />
          {save.saving ? 'Saving…' : 'Add note'}
        </button>
      </div>
      <ErrorText message={problem ?? (save.error && `Not saved, your text is kept: ${save.error}`)} />
    </form>
  );
}
