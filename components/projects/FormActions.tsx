import { ErrorAlert } from '../shared/ErrorAlert';

/** The end of a record form: why the save failed (the form keeps what was typed), save and cancel. */
import { ChangedElsewhere } from '../shared/ChangedElsewhere';

export interface FormActionsProps {
  saveError?: string;
  /** issue 12: the record was saved elsewhere during this edit (useRecordForm). */
  conflict?: { what: string; refused: boolean; onReload: () => void; onOverwrite: (e: Event) => void };
  saving: boolean;
  saveLabel: string;
  onCancel: () => void;
}

export function FormActions({ saveError, saving, saveLabel, onCancel, conflict }: FormActionsProps) {
  return (
    <>
      {conflict && <ChangedElsewhere {...conflict} />}
      <ErrorAlert message={saveError} />
      <div class="v-row">
        <button type="submit" class="v-btn v-btn--primary v-btn--sm" disabled={saving}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        <button type="button" class="v-btn v-btn--ghost v-btn--sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
