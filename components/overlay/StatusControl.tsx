/** Prospect / shortlisted / hired / avoid as a segmented control (native radios: arrow keys work). */
import { useEffect, useState } from 'preact/hooks';
import { CONTRACTOR_STATUSES } from '../../lib/db/constants';
import type { ContractorStatus } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { ErrorText } from '../shared/ErrorText';
import { STATUS_LABELS } from './labels';
import { useSave } from '../shared/use-save';

export interface StatusControlProps {
  contractorKey: string;
  status: ContractorStatus;
}

export function StatusControl({ contractorKey, status }: StatusControlProps) {
  // Shown at once; the broadcast after the write confirms it, a failure puts the stored one back.
  const [shown, setShown] = useState(status);
  useEffect(() => setShown(status), [status]);
  const save = useSave();

  const choose = async (next: ContractorStatus) => {
    if (next === shown) return;
    setShown(next);
    const ok = await save.run(() => send('updateContractor', { key: contractorKey, patch: { status: next } }));
    if (!ok) setShown(status);
  };

  return (
    <div class="ov-status-block">
      <fieldset class="ov-segmented" aria-describedby={save.error ? 'ov-status-error' : undefined}>
        <legend class="v-sr-only">Status</legend>
        {CONTRACTOR_STATUSES.map((s) => (
          <label key={s} class={`ov-segment ov-segment--${s}${shown === s ? ' ov-segment--on' : ''}`}>
            <input type="radio" name="ov-status" class="v-sr-only" value={s} checked={shown === s} onChange={() => void choose(s)} />
            <span class="ov-dot" aria-hidden="true" />
            {STATUS_LABELS[s]}
          </label>
        ))}
      </fieldset>
      {save.error && (
        <div id="ov-status-error">
          <ErrorText message={`Status not saved: ${save.error}`} />
        </div>
      )}
    </div>
  );
}
