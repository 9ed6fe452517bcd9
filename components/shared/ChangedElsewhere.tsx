/**
 * issue 12 (stale tab): the record being edited was saved in another tab or view. Nothing is lost:
 * the form keeps what was typed; the user loads the other version or saves theirs over it.
 */
/**
 * A save refused because the record changed since the edit began (the background's 'conflict').
 * Read from the error's code, not its class: views' tests replace the messaging client.
 */
export function isConflict(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'conflict';
}

export interface ChangedElsewhereProps {
  /** "milestone", "project", "checklist note"… */
  what: string;
  /** The save was refused (else the change was only seen live). */
  refused: boolean;
  onReload: () => void;
  onOverwrite: (e: Event) => void;
}

export function ChangedElsewhere({ what, refused, onReload, onOverwrite }: ChangedElsewhereProps) {
  return (
    <div class="v-alert v-alert--warn v-stack" role="alert" data-testid="changed-elsewhere">
      <p class="v-small">
        <strong>Changed elsewhere.</strong> This {what} was saved in another tab or view while you were editing it.
        {refused ? ' Your changes were not saved.' : ''}
      </p>
      <div class="v-row">
        <button type="button" class="v-btn v-btn--sm" onClick={onReload}>
          Load the other version
        </button>
        <button type="button" class="v-btn v-btn--primary v-btn--sm" onClick={onOverwrite}>
          Save mine over it
        </button>
      </div>
    </div>
  );
}
