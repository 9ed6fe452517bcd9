/**
 * issue 18: what listing badges need about each contractor, kept in the `badgeFacts` table so that
 * badges for 100 cards cost one read of 100 rows instead of five indexed reads per card.
 *
 * The rows are derived: computed from the contractors, checks, notes, ratings, projects and
 * milestones (lib/db/repositories/badge-facts.ts), never synced, exported or shown. This
 * middleware keeps them honest in the same transaction as every write to those tables:
 *
 * - a write that touches a few contractors marks their rows dirty (`{ key, dirty: true }`), and the
 *   next badge read computes them afresh;
 * - a bulk write (more than MAX_REFS_READ rows in one transaction: an import, a first sync, a
 *   cascade of a whole table), a range delete, or a schema upgrade empties the table, state row
 *   included: until a rebuild has gone over every contractor again, a missing row means "compute".
 *
 * A row absent while the state row says `complete` means: nothing to say about that contractor.
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Check, ContractorStatus, Rating } from './schema';
import type { DerivedCheck } from '../domain/vetting';
import { MAX_REFS_READ } from './recorder';

export const BADGE_FACTS_TABLE = 'badgeFacts';
/** The key of the table's state row (contractor keys always hold a colon). */
export const BADGE_FACTS_STATE = '#state';
/** Tables whose rows a badge is computed from. */
export const BADGE_SOURCES = ['contractors', 'checks', 'notes', 'ratings', 'projects', 'milestones'] as const;
const SOURCES = new Set<string>(BADGE_SOURCES);

/** A contractor's badge input without the checklist (settings), which is applied when read. */
export interface BadgeFacts {
  status?: ContractorStatus;
  checks: Pick<Check, 'itemId' | 'state' | 'note'>[];
  hasNotes: boolean;
  ratings: Rating[];
  projectIds: string[];
  derived: DerivedCheck[];
}

export type BadgeFactsRow =
  | { key: string; facts: BadgeFacts; dirty?: undefined }
  | { key: string; dirty: true; facts?: undefined }
  /** BADGE_FACTS_STATE: `building` while a rebuild runs (its token), `complete` once it is done. */
  | { key: typeof BADGE_FACTS_STATE; complete?: boolean; building?: string; dirty?: undefined; facts?: undefined };

type Row = Record<string, unknown>;
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

interface TransFacts {
  rows: number;
  cleared: boolean;
}

export class BadgeFactsKeeper {
  private readonly states = new WeakMap<object, TransFacts>();
  private readonly clearedListeners = new Set<() => void>();

  /** Called after a transaction that emptied the table has committed (a rebuild is then due). */
  onCleared(listener: () => void): () => void {
    this.clearedListeners.add(listener);
    return () => this.clearedListeners.delete(listener);
  }

  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'VettedBadgeFacts',
    create: (down) => {
      if (!down.schema.tables.some((t) => t.name === BADGE_FACTS_TABLE)) return down;
      const facts = down.table(BADGE_FACTS_TABLE);
      return {
        ...down,
        transaction: (stores, mode, options) => {
          if (mode !== 'readwrite' || !stores.some((s) => SOURCES.has(s))) return down.transaction(stores, mode, options);
          // Milestones name their project only: its contractor is read in the same transaction.
          const extra = stores.includes('milestones') ? [BADGE_FACTS_TABLE, 'projects'] : [BADGE_FACTS_TABLE];
          return down.transaction([...new Set([...stores, ...extra])], mode, options);
        },
        table: (name) => {
          const table = down.table(name);
          return SOURCES.has(name) ? this.wrap(table, facts, down) : table;
        },
      };
    },
  };

  private state(trans: DBCoreTransaction): TransFacts | undefined {
    const idb = trans as unknown as Partial<IDBTransaction>;
    // A transaction without the table (opened before it existed) has nothing to keep.
    if (!idb.objectStoreNames?.contains(BADGE_FACTS_TABLE)) return undefined;
    let s = this.states.get(trans);
    if (!s) {
      s = { rows: 0, cleared: false };
      this.states.set(trans, s);
      idb.addEventListener?.('complete', () => {
        if (s!.cleared) for (const l of this.clearedListeners) l();
      });
    }
    return s;
  }

  private wrap(table: DBCoreTable, facts: DBCoreTable, core: DBCore): DBCoreTable {
    const name = table.name;
    const keyOf = (row: unknown) => table.schema.primaryKey.extractKey?.(row);

    const clear = async (trans: DBCoreTransaction, s: TransFacts) => {
      if (s.cleared) return;
      s.cleared = true;
      await facts.mutate({
        type: 'deleteRange',
        trans,
        range: { type: 2 /* DBCoreRangeType.Range */, lower: Dexie.minKey, upper: Dexie.maxKey, lowerOpen: false, upperOpen: false },
      });
    };

    /** The contractors the rows (as written and as they were) belong to. */
    const owners = async (trans: DBCoreTransaction, rows: (Row | undefined)[], keys: unknown[]): Promise<string[]> => {
      const out = new Set<string>();
      const projectIds = new Set<string>();
      rows.forEach((r, i) => {
        if (name === 'checks' && Array.isArray(keys[i]) && str(keys[i][0])) out.add(keys[i][0]);
        if (!r) return;
        if (name === 'contractors' && str(r.key)) out.add(r.key);
        if (str(r.contractorKey)) out.add(r.contractorKey);
        if (name === 'milestones' && str(r.projectId)) projectIds.add(r.projectId);
      });
      if (projectIds.size) {
        const projects = (await core.table('projects').getMany({ trans, keys: [...projectIds] })) as (Row | undefined)[];
        for (const p of projects) if (p && str(p.contractorKey)) out.add(p.contractorKey);
      }
      return [...out];
    };

    return {
      ...table,
      mutate: async (req: DBCoreMutateRequest) => {
        const s = this.state(req.trans);
        if (!s) return table.mutate(req);
        const idb = req.trans as unknown as IDBTransaction;
        s.rows += req.type === 'deleteRange' ? 0 : req.type === 'delete' ? req.keys.length : req.values.length;
        // A schema upgrade may rewrite any row, a range delete or a bulk write touches too many:
        // what was kept goes.
        if (s.cleared || req.type === 'deleteRange' || s.rows > MAX_REFS_READ || idb.mode === 'versionchange') {
          await clear(req.trans, s);
          return table.mutate(req);
        }
        let affected: string[];
        if (req.type === 'delete') {
          const before = (await table.getMany({ trans: req.trans, keys: req.keys })) as (Row | undefined)[];
          affected = await owners(req.trans, before, req.keys);
        } else {
          const values = req.values as Row[];
          const keys = (req.keys ?? values.map(keyOf)) as unknown[];
          const before = keys.every((k) => k !== undefined)
            ? ((await table.getMany({ trans: req.trans, keys })) as (Row | undefined)[])
            : [];
          affected =
            name === 'contractors'
              ? // Viewing a profile rewrites its page fields: only a new row or a new verdict changes a badge.
                values.filter((row, i) => !before[i] || before[i]!.status !== row.status).flatMap((row) => (str(row.key) ? [row.key] : []))
              : await owners(req.trans, [...values, ...before], [...keys, ...keys]);
        }
        // Marked before the write itself, in the same transaction: the two commit or fail together.
        if (affected.length) {
          await facts.mutate({ type: 'put', trans: req.trans, values: affected.map((key): BadgeFactsRow => ({ key, dirty: true })) });
        }
        return table.mutate(req);
      },
    };
  }
}
