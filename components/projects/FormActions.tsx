import { ErrorAlert } from '../shared/ErrorAlert';

/** The end of a record form: why the save failed (the form keeps what was typed), save and cancel. */
export interface FormActionsProps {
  saveError?: string;
  saving: boolean;
  saveLabel: string;
  onCancel: () => void;
}

export function FormActions({ saveError, saving, saveLabel, onCancel }: FormActionsProps) {
  return (
    <>
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
