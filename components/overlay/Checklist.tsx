/**
 * The vetting checklist from the user's template, grouped, with progress. Each row: a checkbox for
 * done, a select for the other states (failed, not applicable, to do), and an optional note.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Check, CheckState, ChecklistItem } from '../../lib/db/schema';
import { itemsByGroup } from '../../lib/domain/checklist';
import { vettingProgress, withDerived, type DerivedCheck } from '../../lib/domain/vetting';
import { send } from '../../lib/messaging/client';
import { ChecklistRow } from './ChecklistRow';
import { useOtherVersions } from '../shared/use-other-versions';

export interface ChecklistProps {
  contractorKey: string;
  template: readonly ChecklistItem[];
  checks: readonly Check[];
  /** Items the data proves (ticked automatically unless the user set them). */
  derived?: readonly DerivedCheck[];
}

/** A clicked state not yet shown by `checks`; `savedAt`: the stored check's updatedAt once answered. */
interface Pending {
  state: CheckState;
  savedAt?: number;
}

/**
 * Drops the pending states the refreshed checks now show: the same state, or a check read after the
 * write (as new as it, or newer: another tab's later change wins). A read that began before the
 * write was stored (the page reported again) leaves the tick alone.
 */
function settledAway(pending: Record<string, Pending>, checks: readonly Check[]): Record<string, Pending> {
  const stored = new Map(checks.map((c) => [c.itemId, c]));
  const shows = (id: string, p: Pending) => {
    const check = stored.get(id);
    return check !== undefined && (check.state === p.state || (p.savedAt !== undefined && check.updatedAt >= p.savedAt));
  };
  const kept = Object.entries(pending).filter(([id, p]) => !shows(id, p));
  return kept.length === Object.keys(pending).length ? pending : Object.fromEntries(kept);
}

export function Checklist({ contractorKey, template, checks, derived = [] }: ChecklistProps) {
  // Clicked states show at once. A refresh replaces one only once its write is answered: a refresh
  // for another reason (the page reported again, another tab) must not flip a fresh tick back off.
  const [pending, setPending] = useState<Record<string, Pending>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setPending((p) => settledAway(p, checks)), [checks]);

  const byId = new Map(checks.map((c) => [c.itemId, c]));
  // issue 11: a check set differently on two devices before they synced shows "2 versions".
  const versions = useOtherVersions(
    'checks',
    checks.map((c) => [c.contractorKey, c.itemId] as [string, string]),
  );
  const { states: known, auto } = withDerived(checks, derived);
  const autoReason = (id: string) => (pending[id] === undefined ? auto.get(id) : undefined);
  const stateOf = (id: string): CheckState => pending[id]?.state ?? known[id] ?? 'todo';
  const shownStates = Object.fromEntries(template.map((item) => [item.id, stateOf(item.id)]));
  const progress = vettingProgress(template, shownStates);
  const groups = itemsByGroup(template);

  const setState = async (item: ChecklistItem, state: CheckState) => {
    const mine: Pending = { state };
    setPending((p) => ({ ...p, [item.id]: mine }));
    setErrors(({ [item.id]: _, ...rest }) => rest);
    try {
      const saved = await send('setCheck', { contractorKey, itemId: item.id, state });
      // Stored: a refresh that read it (the write's own change event) may now replace it.
      setPending((p) => (p[item.id] === mine ? { ...p, [item.id]: { ...mine, savedAt: saved.updatedAt } } : p));
    } catch (err) {
      setPending((p) => {
        if (p[item.id] !== mine) return p;
        const { [item.id]: _, ...rest } = p;
        return rest;
      });
      setErrors((e) => ({ ...e, [item.id]: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section class="ov-section" aria-labelledby="ov-checklist-title">
      <div class="ov-section__head">
        <h2 id="ov-checklist-title" class="ov-h2">
          Vetting checklist
        </h2>
        <span class="ov-progress-label v-num" aria-hidden="true">
          {progress.label}
        </span>
      </div>
      <div
        class={`v-progress${progress.failed > 0 ? ' v-progress--warn' : ''}`}
        role="progressbar"
        aria-label="Vetting progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} of ${progress.total} checks done${progress.failed ? `, ${progress.failed} failed` : ''}`}
      >
        <span style={{ width: `${progress.percent}%` }} />
      </div>
      {progress.failed > 0 && (
        <p class="v-small ov-failed-note">
          {progress.failed === 1 ? '1 check failed' : `${progress.failed} checks failed`}: think twice before hiring.
        </p>
      )}
      {groups.length === 0 && <p class="v-small v-muted">Your checklist is empty. Add items in Vetted’s options.</p>}
      {groups.map((g) => {
        const counts = progress.byGroup[g.group];
        return (
          <div class="ov-group" key={g.group} role="group" aria-labelledby={`ov-group-${g.group}`}>
            <div class="ov-group__head">
              <h3 class="ov-h3" id={`ov-group-${g.group}`}>
                {g.label}
              </h3>
              <span class="v-xs v-muted v-num" aria-label={`${counts.done} of ${counts.total} done`}>
                {counts.done}/{counts.total}
              </span>
            </div>
            <ul class="ov-checklist">
              {g.items.map((item) => (
                <ChecklistRow
                  key={item.id}
                  contractorKey={contractorKey}
                  item={item}
                  state={stateOf(item.id)}
                  auto={autoReason(item.id)}
                  note={byId.get(item.id)?.note}
                  version={byId.get(item.id)?.updatedAt ?? 0}
                  error={errors[item.id]}
                  onState={(s) => void setState(item, s)}
                  versions={versions.of([contractorKey, item.id])}
                  onChooseVersion={versions.choose}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
