import type { VettedDb } from '../database';
import { whereAnyOf } from '../query';
import { compact, refuseStale, validate } from '../errors';
import { CheckSchema, type Check, type CheckState } from '../schema';
import { markChanged } from './settings';

export async function listChecks(db: VettedDb, contractorKey: string): Promise<Check[]> {
  return db.checks.where('contractorKey').equals(contractorKey).toArray();
}

/** Checks of many contractors at once, grouped by contractor key (badges). */
export async function checksByContractor(db: VettedDb, keys: readonly string[]): Promise<Map<string, Check[]>> {
  const out = new Map<string, Check[]>();
  if (keys.length === 0) return out;
  for (const c of await whereAnyOf(db.checks, 'contractorKey', keys)) {
    const list = out.get(c.contractorKey) ?? [];
    list.push(c);
    out.set(c.contractorKey, list);
  }
  return out;
}

export interface CheckInput {
  contractorKey: string;
  itemId: string;
  /** Absent: keep the state (a new check starts as 'todo'). */
  state?: CheckState;
  /** Absent: keep the note; null: remove it. */
  note?: string | null;
  /** issue 12: the stored check's updatedAt when the edit began (0 when none was stored); newer refuses. */
  baseUpdatedAt?: number;
}

/** Sets one checklist item's state and/or note without touching the other field. */
export async function setCheck(db: VettedDb, input: CheckInput, now: number): Promise<Check> {
  return db.transaction('rw', db.checks, db.settings, async () => {
    const id: [string, string] = [input.contractorKey, input.itemId];
    const current = await db.checks.get(id);
    refuseStale(current, input.baseUpdatedAt, 'checklist item');
    const changes: Partial<Check> & { note?: string } = { updatedAt: now };
    if (input.state !== undefined) changes.state = input.state;
    if (input.note !== undefined) changes.note = input.note === null || input.note === '' ? undefined : input.note;
    let check: Check;
    if (current) {
      check = validate(CheckSchema, compact({ ...current, ...changes }), 'check');
      await db.checks.update(id, changes); // an undefined note deletes the field
    } else {
      check = validate(
        CheckSchema,
        compact({ ...changes, contractorKey: input.contractorKey, itemId: input.itemId, state: input.state ?? 'todo' }),
        'check',
      );
      await db.checks.add(check);
    }
    await markChanged(db, now);
    return check;
  });
}
