import { ErrorAlert } from '../shared/ErrorAlert';

/** The end of a record form: why the save failed (the form keeps what was typed), save and cancel. */
import { ChangedElsewhere } from '../shared/ChangedElsewhere';

export interface FormActionsProps {
  saveError?: string;
  /** issue 12: the record was saved elsewhere during this edit (useRecordForm). */
  conflict?: { what: string; refused: boolean; onReload: () => void; onOverwrite: (e: Event) => void };
  saving: boolean;
  saveLabel: string;
  /** Absent: no Cancel button (a form that is the whole view). */
  onCancel?: () => void;
  /** 'sm' in a list (a milestone, a payment), 'md' for a whole record (a project). */
  size?: 'sm' | 'md';
}

export function FormActions({ saveError, saving, saveLabel, onCancel, conflict, size = 'sm' }: FormActionsProps) {
  const sm = size === 'sm' ? ' v-btn--sm' : '';
  return (
    <>
      {conflict && <ChangedElsewhere {...conflict} />}
      <ErrorAlert message={saveError} />
      <div class="v-row">
        <button type="submit" class={`v-btn v-btn--primary${sm}`} disabled={saving}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        {onCancel && (
          <button type="button" class={`v-btn v-btn--ghost${sm}`} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
