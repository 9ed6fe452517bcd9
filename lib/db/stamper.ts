/**
 * The sync stamper: a DBCore middleware that gives every local write to a synced table its
 * version, in the same transaction as the write (DESIGN.md rule 6, "Sync"):
 *
 * - a put's index row gets `v = max(now, highest v seen + 1)` (one version per transaction) and
 *   `d` = this device, and waits to be pushed (`lseq`);
 * - a delete (cascades, deleteRange and clear included) writes a tombstone index row, for rows that
 *   existed only: an empty table deletes nothing, so absence never turns into a delete;
 * - field groups the merge compares apart (contractors' user and page fields, settings' keys) get
 *   their own versions in the index row (`g`): a group whose time (userUpdatedAt, pageUpdatedAt,
 *   fieldUpdatedAt) the write moved gets the write's version, so an edit made after seeing a remote
 *   change wins even on a device whose clock is slow. Rows themselves are left as written.
 *
 * Transactions that apply remote chunks or a backup (`manage`) keep the versions they were given:
 * lib/db/repositories/sync.ts writes their index rows itself.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { isSynced, newDeviceId, type ClockMeta, type ConflictRow, type RecordKey, type SyncIndexRow, type Version } from './sync-index';

type Row = Record<string, unknown>;

export interface StampOptions {
  now?: () => number;
  /** Used when this database has no device id yet. */
  deviceId?: () => string;
}

interface TransState {
  clock: ClockMeta;
  /** This transaction's version and change counter, fixed at its first write. */
  v: number;
  lseq: number;
}

/** The version a write replaced knowingly: a remote version, or what our own unpushed line was built on. */
export function baseOf(entry: SyncIndexRow | undefined, deviceId: string): Version | undefined {
  if (!entry) return undefined;
  if (entry.d === deviceId) return entry.base;
  return [entry.v, entry.d];
}

/** Group times the merge compares field by field: contractors' two groups, settings' own keys. */
const CONTRACTOR_GROUPS = { u: 'userUpdatedAt', p: 'pageUpdatedAt' } as const;

/**
 * Versions of the field groups a write changed. A group whose time the write moved gets the
 * write's version; the others keep the version they had (or, on a row from before sync, their time).
 */
export function groupVersions(
  table: string,
  row: Row,
  old: Row | undefined,
  before: SyncIndexRow | undefined,
  v: number,
): Record<string, number> | undefined {
  const was = before && !before.deleted ? before.g : undefined;
  // A record made again over a tombstone starts a new life: it is never field-merged with versions
  // older than that delete (lib/domain/sync-merge.ts).
  const born = before?.deleted ? before.v : was?.born;
  const life: Record<string, number> = born !== undefined ? { born } : {};
  if (table === 'contractors') {
    const g: Record<string, number> = { ...life };
    for (const [id, field] of Object.entries(CONTRACTOR_GROUPS)) {
      const t = row[field];
      const changed = old === undefined || before?.deleted ? typeof t === 'number' && t > 0 : t !== old[field];
      const fallback = typeof t === 'number' ? t : typeof row.updatedAt === 'number' ? row.updatedAt : 0;
      g[id] = changed ? v : (was?.[id] ?? fallback);
    }
    return g;
  }
  if (table === 'settings') {
    const times = (row.fieldUpdatedAt ?? {}) as Record<string, number>;
    const prev = (old?.fieldUpdatedAt ?? {}) as Record<string, number>;
    const g: Record<string, number> = { ...life };
    for (const [k, t] of Object.entries(times)) g[k] = t > 0 && prev[k] !== t ? v : (was?.[k] ?? t);
    return g;
  }
  return undefined;
}

export class SyncStamper {
  private readonly now: () => number;
  private readonly makeDeviceId: () => string;
  /** Read-write transactions whose scope was widened to the bookkeeping tables. */
  private readonly stamped = new WeakSet<object>();
  /** Transactions that write versions they were given (sync, import). */
  private readonly managed = new WeakSet<object>();
  private readonly states = new WeakMap<object, Promise<TransState>>();

  constructor(options: StampOptions = {}) {
    this.now = options.now ?? Date.now;
    this.makeDeviceId = options.deviceId ?? newDeviceId;
  }

  /** This device's clock before its first write: a new device id, nothing seen yet. */
  freshClock(): ClockMeta {
    return { key: 'clock', deviceId: this.makeDeviceId(), maxV: 0, lseq: 0 };
  }

  /** Marks a transaction (Dexie's `tx.idbtrans`) as applying given versions: no stamping. */
  manage(trans: object): void {
    this.managed.add(trans);
  }

  /** Local writes later in the same transaction are stamped again (an import's own bookkeeping). */
  release(trans: object): void {
    this.managed.delete(trans);
  }

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'VettedSyncStamper',
    create: (down) => {
      const enabled = down.schema.tables.some((t) => t.name === 'syncIndex');
      if (!enabled) return down;
      const index = down.table('syncIndex');
      const meta = down.table('syncMeta');
      const conflicts = down.schema.tables.some((t) => t.name === 'conflicts') ? down.table('conflicts') : null;
      return {
        ...down,
        transaction: (stores, mode, options) => {
          if (mode !== 'readwrite' || !stores.some(isSynced)) return down.transaction(stores, mode, options);
          const wide = [...new Set([...stores, 'syncIndex', 'syncMeta', ...(conflicts ? ['conflicts'] : [])])];
          const trans = down.transaction(wide, mode, options);
          this.stamped.add(trans);
          return trans;
        },
        table: (name) => {
          const table = down.table(name);
          return isSynced(name) ? this.wrap(table, index, meta, conflicts) : table;
        },
      };
    },
  };

  private state(trans: DBCoreTransaction, meta: DBCoreTable): Promise<TransState> {
    let s = this.states.get(trans);
    if (!s) {
      s = (async () => {
        const found = (await meta.get({ trans, key: 'clock' })) as ClockMeta | undefined;
        const clock: ClockMeta = found ? { ...found } : this.freshClock();
        const v = Math.max(Math.floor(this.now()), clock.maxV + 1);
        clock.maxV = v;
        clock.lseq += 1;
        return { clock, v, lseq: clock.lseq };
      })();
      this.states.set(trans, s);
    }
    return s;
  }

  private wrap(table: DBCoreTable, index: DBCoreTable, meta: DBCoreTable, conflicts: DBCoreTable | null): DBCoreTable {
    const name = table.name;
    const primaryKey = table.schema.primaryKey;
    const keyOf = (row: unknown) => primaryKey.extractKey!(row) as RecordKey;
    const active = (trans: DBCoreTransaction) => this.stamped.has(trans) && !this.managed.has(trans);

    const grouped = name === 'contractors' || name === 'settings';
    const writeIndex = async (trans: DBCoreTransaction, keys: RecordKey[], rows: (Row | undefined)[], old: (Row | undefined)[]) => {
      if (keys.length === 0) return;
      const s = await this.state(trans, meta);
      const before = (await index.getMany({ trans, keys: keys.map((k) => [name, k]) })) as (SyncIndexRow | undefined)[];
      const entries = keys.map((key, i): SyncIndexRow => {
        const base = baseOf(before[i], s.clock.deviceId);
        const row = rows[i];
        const g = row && grouped ? groupVersions(name, row, old[i], before[i], s.v) : undefined;
        return {
          table: name as SyncIndexRow['table'],
          key,
          v: s.v,
          d: s.clock.deviceId,
          ...(row ? {} : { deleted: true as const }),
          lseq: s.lseq,
          src: 'l',
          ...(base ? { base } : {}),
          ...(g ? { g } : {}),
        };
      });
      await index.mutate({ type: 'put', trans, values: entries });
      await meta.mutate({ type: 'put', trans, values: [s.clock] });
    };

    /**
     * A record deleted here takes its other versions with it ("2 versions" of something gone means
     * nothing, and they would stay forever). One read of this table's conflicts (there are few),
     * in the delete's own transaction. A delete that arrives by sync keeps them (it is not stamped).
     */
    const dropConflicts = async (trans: DBCoreTransaction, gone: RecordKey[]) => {
      if (!conflicts || gone.length === 0) return;
      const byKey = conflicts.schema.getIndexByKeyPath(['table', 'key']);
      if (!byKey) return;
      const { result } = await conflicts.query({
        trans,
        values: true,
        query: {
          index: byKey,
          range: {
            type: 2 /* DBCoreRangeType.Range */,
            lower: [name, Dexie.minKey],
            upper: [name, Dexie.maxKey],
            lowerOpen: false,
            upperOpen: false,
          },
        },
      });
      const goneKeys = new Set(gone.map((k) => JSON.stringify(k)));
      const ids = (result as ConflictRow[]).filter((c) => goneKeys.has(JSON.stringify(c.key))).map((c) => c.id);
      if (ids.length) await conflicts.mutate({ type: 'delete', trans, keys: ids });
    };

    return {
      ...table,
      mutate: async (req: DBCoreMutateRequest) => {
        const { trans } = req;
        if (!active(trans)) return table.mutate(req);
        if (req.type === 'add' || req.type === 'put') {
          const keys = req.values.map(keyOf);
          const old = grouped ? ((await table.getMany({ trans, keys })) as (Row | undefined)[]) : [];
          const res = await table.mutate(req);
          const failed = res.numFailures ? new Set(Object.keys(res.failures).map(Number)) : undefined;
          const ok = (_: unknown, i: number) => !failed?.has(i);
          await writeIndex(trans, keys.filter(ok), (req.values as Row[]).filter(ok), old.filter(ok));
          return res;
        }
        if (req.type === 'delete') {
          const existing = await table.getMany({ trans, keys: req.keys });
          const res = await table.mutate(req);
          const gone = req.keys.filter((_, i) => existing[i] !== undefined) as RecordKey[];
          await writeIndex(trans, gone, [], []);
          await dropConflicts(trans, gone);
          return res;
        }
        const gone = await table.query({ trans, values: false, query: { index: primaryKey, range: req.range } });
        const res = await table.mutate(req);
        await writeIndex(trans, gone.result as RecordKey[], [], []);
        await dropConflicts(trans, gone.result as RecordKey[]);
        return res;
      },
    };
  }
}
