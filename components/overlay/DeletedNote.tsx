/**
 * Stands where a just-deleted note was: "Note deleted" with Undo for a few seconds. Undo takes the
 * keyboard focus (the Delete button that had it is gone); the pointer resting on the row pauses
 * the countdown, Escape dismisses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RotateCcw, X } from 'lucide-preact';
import { ErrorText } from '../shared/ErrorText';
import { foldText } from './NoteItem';

/** How long Undo is offered: long enough to notice and press it, short enough not to linger. */
export const UNDO_MS = 7_000;

export interface DeletedNoteProps {
  /** Its text, shown on one line so the user sees which note went. */
  body: string;
  /** Resolves once the note is back; throws with a message to show. */
  onUndo: () => Promise<void>;
  /** Time is up or the user dismissed it; `hadFocus`: the focus was in this row. */
  onExpire: (hadFocus: boolean) => void;
}

export function DeletedNote({ body, onUndo, onExpire }: DeletedNoteProps) {
  const row = useRef<HTMLLIElement>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const [paused, setPaused] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const hasFocus = () => Boolean(row.current?.contains(document.activeElement));
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => undo.current?.focus(), []);
  useEffect(() => {
    if (paused || busy) return;
    const timer = setTimeout(() => expire.current(hasFocus()), UNDO_MS);
    return () => clearTimeout(timer);
  }, [paused, busy, error]);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onUndo();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <li
      ref={row}
      class={`ov-note ov-note--deleted${paused ? ' ov-note--paused' : ''}`}
      data-testid="note-deleted"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') expire.current(hasFocus());
      }}
    >
      <div class="ov-note__meta">
        <span class="v-small v-ellipsis ov-note__gone">
          Note deleted: <span class="v-user-text">{foldText(body, 120)}</span>
        </span>
        <button ref={undo} type="button" class="v-btn v-btn--sm" disabled={busy} onClick={() => void run()}>
          <RotateCcw size={14} aria-hidden="true" />
          {busy ? 'Restoring…' : 'Undo'}
        </button>
        <button
          type="button"
          class="v-btn v-btn--ghost v-btn--icon v-btn--sm"
          aria-label="Dismiss"
          title="Dismiss"
          onClick={() => expire.current(hasFocus())}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      {/* The countdown, drawn only: restarting the animation is what the key is for. */}
      {!busy && (
        <span key={`${paused}-${error ?? ''}`} class="ov-undo-timer" aria-hidden="true" style={{ animationDuration: `${UNDO_MS}ms` }} />
      )}
      <ErrorText message={error && `Not restored: ${error}`} />
    </li>
  );
}
