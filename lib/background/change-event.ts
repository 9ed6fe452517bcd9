/**
 * What the router broadcasts after a request: the tables, contractors and projects that the
 * committed transactions touched, as the write recorder saw them (lib/db/recorder.ts).
 */
import type { RecordedWrite } from '../db/recorder';
import { CHANGE_EVENT, type ChangeEvent, type ChangedTable } from '../messaging/protocol';

/** Past this many keys a view refreshes everything anyway: the event then names tables only. */
export const MAX_EVENT_KEYS = 200;

export function changeEventOf(writes: readonly RecordedWrite[]): ChangeEvent | null {
  if (writes.length === 0) return null;
  const tables = new Set<ChangedTable>();
  const contractorKeys = new Set<string>();
  const projectIds = new Set<string>();
  for (const w of writes) {
    tables.add(w.table as ChangedTable);
    w.contractorKeys.forEach((k) => contractorKeys.add(k));
    w.projectIds.forEach((id) => projectIds.add(id));
  }
  const event: ChangeEvent = { event: CHANGE_EVENT, tables: [...tables].sort() };
  if (contractorKeys.size && contractorKeys.size <= MAX_EVENT_KEYS) event.contractorKeys = [...contractorKeys];
  if (projectIds.size && projectIds.size <= MAX_EVENT_KEYS) event.projectIds = [...projectIds];
  return event;
}
