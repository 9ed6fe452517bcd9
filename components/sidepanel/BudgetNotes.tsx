/** Timestamped notes on the budget and on rate negotiation for one project. */
import { useState } from 'preact/hooks';
import { Pencil, Trash2 } from 'lucide-preact';
import type { Note, Project } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { foldText } from '../overlay/NoteItem';
import { ErrorAlert } from '../shared/ErrorAlert';
import { useSave } from '../shared/use-save';

export interface BudgetNotesProps {
  project: Project;
  notes: readonly Note[];
  locale?: string;
}

type Kind = 'budget' | 'negotiation';
const KIND_LABELS: Record<Kind, string> = { budget: 'Budget', negotiation: 'Rate negotiation' };

export function BudgetNotes({ project, notes, locale }: BudgetNotesProps) {
  const [kind, setKind] = useState<Kind>('budget');
  const [body, setBody] = useState('');
  const [editingId, setEditingId] = useState<string>();
  const { saving, error, run, showError } = useSave();
  const list = notes
    .filter((n): n is Note & { kind: Kind } => n.kind === 'budget' || n.kind === 'negotiation')
    .sort((a, b) => b.createdAt - a.createdAt);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const save = async (e: Event) => {
    e.preventDefault();
    if (body.trim() === '') {
      showError('Write something first.');
      return;
    }
    // On failure the text stays in the box so nothing is lost.
    const saved = await run(() =>
      send('saveNote', {
        ...(editingId ? { id: editingId } : {}),
        projectId: project.id,
        ...(project.contractorKey ? { contractorKey: project.contractorKey } : {}),
        kind,
        body: body.trim(),
      }),
    );
    if (saved) {
      setBody('');
      setEditingId(undefined);
    }
  };

  const remove = async (n: Note) => {
    if (!confirm('Delete this note?')) return;
    await run(() => send('deleteNote', { id: n.id }));
  };

  return (
    <section class="v-stack" aria-label="Budget notes">
      <h3>Budget and rate notes</h3>
      <form class="v-stack" onSubmit={save}>
        <div class="v-row" role="radiogroup" aria-label="Note about">
          {(['budget', 'negotiation'] as const).map((k) => (
            <label key={k} class={`v-pill sp-kind${kind === k ? ' v-pill--accent' : ''}`}>
              <input type="radio" class="v-sr-only" name="note-kind" checked={kind === k} onChange={() => setKind(k)} />
              {KIND_LABELS[k]}
            </label>
          ))}
        </div>
        <label class="v-sr-only" for="budget-note-body">
          Note
        </label>
        <textarea
          id="budget-note-body"
          class="v-textarea"
          value={body}
          maxLength={20000}
          placeholder={
            kind === 'budget'
              ? 'e.g. Agreed $2,000 cap; extras need written approval'
              : 'e.g. Asked for $40/h instead of $45, they will answer Monday'
          }
          onInput={(e) => setBody(e.currentTarget.value)}
        />
        <ErrorAlert message={error} />
        <div class="v-row">
          <button type="submit" class="v-btn v-btn--primary v-btn--sm" disabled={saving}>
            {saving ? 'Saving…' : editingId ? 'Save changes' : 'Add note'}
          </button>
          {editingId && (
            <button
              type="button"
              class="v-btn v-btn--ghost v-btn--sm"
              onClick={() => {
                setEditingId(undefined);
                setBody('');
              }}
            >
              Cancel
            </button>
          )}
        </div>
      </form>
      {list.length === 0 ? (
        <p class="v-small v-muted">Write down what you agreed and what you asked for: it helps at the next negotiation.</p>
      ) : (
        <ul class="p-list">
          {list.map((n) => (
            <li key={n.id} class="p-item" data-testid="budget-note">
              <div class="p-item__head">
                <span class={`v-pill${n.kind === 'negotiation' ? ' v-pill--info' : ''}`}>{KIND_LABELS[n.kind]}</span>
                <time class="v-xs v-faint v-spacer" dateTime={new Date(n.createdAt).toISOString()}>
                  {when.format(n.createdAt)}
                  {n.updatedAt > n.createdAt + 1000 ? ' (edited)' : ''}
                </time>
                <button
                  type="button"
                  class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
                  aria-label="Edit note"
                  onClick={() => {
                    setEditingId(n.id);
                    setKind(n.kind);
                    setBody(n.body);
                  }}
                >
                  <Pencil aria-hidden="true" />
                </button>
                <button
                  type="button"
                  class="v-btn v-btn--ghost v-btn--sm v-btn--icon"
                  aria-label="Delete note"
                  onClick={() => void remove(n)}
                >
                  <Trash2 aria-hidden="true" />
                </button>
              </div>
              <FoldedBody body={n.body} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Long notes fold at 600 characters, as in the overlay (issue 14): one note must not fill the panel. */
const FOLD_AT = 600;

function FoldedBody({ body }: { body: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = body.length > FOLD_AT;
  return (
    <>
      <p class="v-user-text">{long && !expanded ? `${foldText(body, FOLD_AT)}…` : body}</p>
      {long && (
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : `Show all (${Math.ceil(body.length / 1000)}k characters)`}
        </button>
      )}
    </>
  );
}
