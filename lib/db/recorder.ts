/**
 * The write recorder: a Dexie DBCore middleware that notes every row a read-write transaction
 * puts or deletes, and hands the list over once that transaction has committed (DESIGN.md rule 6).
 * What the router broadcasts, and later what sync stamps and turns into tombstones, comes from
 * here, so no handler lists its changes by hand and a cascade can't be forgotten.
 *
 * Each recorded row carries the contractor keys and project ids it belongs to, read from the row
 * itself (for a delete, from the row as it was), so views can refresh only what they show.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { isSilent } from './sync-index';

export interface RecordedWrite {
  table: string;
  /** Primary key of the row (an array for compound keys such as checks). */
  key: unknown;
  deleted: boolean;
  contractorKeys: string[];
  projectIds: string[];
}

type Row = Record<string, unknown>;
/** Puts of more rows than this don't read the rows they replace (bulk imports). */
export const MAX_REFS_READ = 200;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Which contractors and projects a row of a table belongs to. */
export function rowRefs(table: string, row: unknown): { contractorKeys: string[]; projectIds: string[] } {
  const r = (row && typeof row === 'object' ? row : {}) as Row;
  const contractorKeys: string[] = [];
  const projectIds: string[] = [];
  if (table === 'contractors' && str(r.key)) contractorKeys.push(r.key);
  if (str(r.contractorKey)) contractorKeys.push(r.contractorKey);
  // A named list concerns its members (lists.keys).
  if (table === 'lists' && Array.isArray(r.keys)) contractorKeys.push(...r.keys.filter(str));
  if (table === 'projects' && str(r.id)) projectIds.push(r.id);
  if (table !== 'projects' && str(r.projectId)) projectIds.push(r.projectId);
  return { contractorKeys, projectIds };
}

export class WriteRecorder {
  private committed: RecordedWrite[] = [];
  private readonly pending = new WeakMap<object, RecordedWrite[]>();
  private readonly listeners = new Set<(writes: readonly RecordedWrite[]) => void>();

  /** Everything committed since the last call, oldest first. */
  take(): RecordedWrite[] {
    const out = this.committed;
    this.committed = [];
    return out;
  }

  /** Called after each committed read-write transaction that changed something, with what it wrote. */
  onCommit(listener: (writes: readonly RecordedWrite[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'VettedWriteRecorder',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const trans = down.transaction(stores, mode, options);
        if (mode === 'readwrite') this.watch(trans);
        return trans;
      },
      // Sync bookkeeping that no view shows makes no change event (lib/db/sync-index.ts).
      table: (name) => (isSilent(name) ? down.table(name) : this.wrapTable(down.table(name))),
    }),
  };

  private watch(trans: DBCoreTransaction): void {
    const idb = trans as unknown as Partial<IDBTransaction>;
    if (typeof idb.addEventListener !== 'function') return;
    idb.addEventListener('complete', () => {
      const writes = this.pending.get(trans);
      this.pending.delete(trans);
      if (!writes?.length) return;
      // No push(...writes): a restore of 100,000 notes is more arguments than a call can take.
      for (const w of writes) this.committed.push(w);
      for (const l of this.listeners) l(writes);
    });
    // An aborted transaction wrote nothing: forget what it tried.
    idb.addEventListener('abort', () => this.pending.delete(trans));
  }

  private note(trans: DBCoreTransaction, writes: RecordedWrite[]): void {
    if (writes.length === 0) return;
    const list = this.pending.get(trans);
    if (list) for (const w of writes) list.push(w);
    else this.pending.set(trans, writes);
  }

  private wrapTable(table: DBCoreTable): DBCoreTable {
    const name = table.name;
    const primaryKey = table.schema.primaryKey;
    const keyOf = (row: unknown) => primaryKey.extractKey?.(row);
    const record = (key: unknown, row: unknown, deleted: boolean): RecordedWrite => ({ table: name, key, deleted, ...rowRefs(name, row) });
    return {
      ...table,
      mutate: async (req: DBCoreMutateRequest) => {
        const { trans } = req;
        if (req.type === 'add' || req.type === 'put') {
          // A row that moves (a project given to another contractor) concerns its old owner too.
          // Past MAX_REFS_READ rows a change event names tables only, so the old rows aren't read.
          const keys = req.keys ?? req.values.map(keyOf);
          const old =
            req.type === 'put' && req.values.length <= MAX_REFS_READ && keys.every((k) => k !== undefined)
              ? await table.getMany({ trans, keys })
              : [];
          const res = await table.mutate(req);
          const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
          this.note(
            trans,
            req.values.flatMap((row, i) => {
              if (failed.has(i)) return [];
              const w = record(res.results?.[i] ?? keys[i], row, false);
              if (old[i] !== undefined) {
                const was = rowRefs(name, old[i]);
                w.contractorKeys = [...new Set([...w.contractorKeys, ...was.contractorKeys])];
                w.projectIds = [...new Set([...w.projectIds, ...was.projectIds])];
              }
              return [w];
            }),
          );
          return res;
        }
        if (req.type === 'delete') {
          const before = await table.getMany({ trans, keys: req.keys });
          const res = await table.mutate(req);
          this.note(
            trans,
            req.keys.flatMap((key, i) => (before[i] === undefined ? [] : [record(key, before[i], true)])),
          );
          return res;
        }
        // deleteRange (Table.clear() and primary-key range deletes): the rows as they were.
        const before = await table.query({ trans, values: true, query: { index: primaryKey, range: req.range } });
        const res = await table.mutate(req);
        this.note(
          trans,
          before.result.map((row) => record(keyOf(row), row, true)),
        );
        return res;
      },
    };
  }
}
