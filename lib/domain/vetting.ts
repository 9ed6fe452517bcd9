/** Vetting progress of one contractor: how much of the (visible) checklist is settled. */
import type { Check, CheckState, ChecklistGroup, ChecklistItem } from '../db/schema';
import { visibleItems } from './checklist';

export interface ProgressCounts {
  done: number;
  failed: number;
  na: number;
  todo: number;
  /** Visible items minus those marked not applicable. */
  total: number;
}

export interface VettingProgress extends ProgressCounts {
  /** done / total in whole percent (0 when total is 0). */
  percent: number;
  /** "6/11": done over total. */
  label: string;
  /** Counts per group; every group is present (zeros when it has no visible items). */
  byGroup: Record<ChecklistGroup, ProgressCounts>;
}

export type ChecksInput = readonly Pick<Check, 'itemId' | 'state'>[] | Readonly<Record<string, CheckState>>;

function emptyCounts(): ProgressCounts {
  return { done: 0, failed: 0, na: 0, todo: 0, total: 0 };
}

function stateLookup(checks: ChecksInput): (itemId: string) => CheckState {
  if (Array.isArray(checks)) {
    const byId = new Map<string, CheckState>();
    for (const c of checks as readonly Pick<Check, 'itemId' | 'state'>[]) byId.set(c.itemId, c.state);
    return (id) => byId.get(id) ?? 'todo';
  }
  const record = checks as Readonly<Record<string, CheckState>>;
  return (id) => (Object.prototype.hasOwnProperty.call(record, id) ? (record[id] ?? 'todo') : 'todo');
}

/**
 * Checks for items that are hidden or no longer in the template are ignored: the user removed
 * them, so they must not count, but they are kept in the database in case the item comes back.
 * A failed item counts towards the total but not towards "done": it is settled, badly.
 */
export function vettingProgress(template: readonly ChecklistItem[], checks: ChecksInput): VettingProgress {
  const stateOf = stateLookup(checks);
  const overall = emptyCounts();
  const byGroup: Record<ChecklistGroup, ProgressCounts> = {
    'before-hiring': emptyCounts(),
    'contract-budget': emptyCounts(),
    'working-together': emptyCounts(),
    'after-delivery': emptyCounts(),
  };
  for (const item of visibleItems(template)) {
    const state = stateOf(item.id);
    for (const counts of [overall, byGroup[item.group]]) {
      counts[state] += 1;
      if (state !== 'na') counts.total += 1;
    }
  }
  const percent = overall.total === 0 ? 0 : Math.round((overall.done / overall.total) * 100);
  return { ...overall, percent, label: `${overall.done}/${overall.total}`, byGroup };
}
