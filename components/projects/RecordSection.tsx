/**
 * A list of a project's records (milestones, payments): heading with an add button, the error of
 * the last row action, an empty state, the rows, and the add form in place of the button.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Plus } from 'lucide-preact';
import { ErrorAlert } from '../shared/ErrorAlert';

export interface RecordSectionProps {
  title: string;
  addLabel: string;
  empty: string;
  /** Whether there are rows to list. */
  hasRows: boolean;
  /** The error of the last row action (useRowAction). */
  error?: string;
  /** The add form; call `close` once it saved or was cancelled. */
  addForm: (close: () => void) => ComponentChildren;
  children: ComponentChildren;
}

export function RecordSection({ title, addLabel, empty, hasRows, error, addForm, children }: RecordSectionProps) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="v-stack" aria-label={title}>
      <div class="v-row">
        <h3 class="v-spacer">{title}</h3>
        {!adding && (
          <button type="button" class="v-btn v-btn--sm" onClick={() => setAdding(true)}>
            <Plus aria-hidden="true" /> {addLabel}
          </button>
        )}
      </div>
      <ErrorAlert message={error} />
      {!hasRows && !adding && <p class="v-small v-muted">{empty}</p>}
      {hasRows && <ul class="p-list">{children}</ul>}
      {adding && <div class="p-add">{addForm(() => setAdding(false))}</div>}
    </section>
  );
}

/** Runs a row's action (delete, change status), after a confirm when one is given; keeps its error. */
export function useRowAction() {
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<unknown>, confirmText?: string) => {
    if (confirmText && !confirm(confirmText)) return;
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return { error, run };
}
