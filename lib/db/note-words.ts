/**
 * Issue 16: every note row carries `words` (lib/domain/words.ts), indexed multiEntry (schema
 * version 8), so the board's note-text search reads only the notes whose words start with what was
 * typed. A DBCore middleware keeps it true for every write, whoever writes (the notes repository,
 * a backup import, a sync merge): each note put or added gets its words from its body.
 *
 * The field is the index's, not the user's: reads drop it, so notes leave the database (views,
 * backups, CSVs, sync) exactly as the schema describes them.
 *
 * issue 18: a bulk merge (a restore, a first sync: 100,000 notes) defers the words
 * (`deferNoteWords`): each note is written with the one entry PENDING_WORDS instead of its ~20
 * words, which took most of a heavy restore's time in Chromium, and lib/db/note-words-backfill.ts
 * fills them in afterwards, in small batches. Searches also test the pending notes' text meanwhile.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { noteWords } from '../domain/words';

const TABLE = 'notes';

/** The one index entry of a note whose words are still to come: no word (letters, digits) is NUL. */
export const PENDING_WORDS = '\u0000pending';

const deferred = new WeakSet<object>();
/** Some transaction deferred words since the last `takeDeferredWords()`. */
let deferredSince = false;

/** Whether any transaction deferred words since the last call (the backfill then has work). */
export function takeDeferredWords(): boolean {
  const was = deferredSince;
  deferredSince = false;
  return was;
}

/** Notes written in this (IndexedDB) transaction get PENDING_WORDS; the backfill gives them their words. */
export function deferNoteWords(idbtrans: object): void {
  deferred.add(idbtrans);
  deferredSince = true;
}
type Row = Record<string, unknown>;

export function withWords(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const r = row as Row;
  return { ...r, words: noteWords(typeof r.body === 'string' ? r.body : '') };
}

export function withoutWords(row: unknown): unknown {
  if (!row || typeof row !== 'object' || !('words' in row)) return row;
  const { words: _words, ...rest } = row as Row;
  return rest;
}

function wrapCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor;
  return Object.create(cursor, { value: { get: () => withoutWords(cursor.value) } }) as DBCoreCursor;
}

function withPendingWords(row: unknown): unknown {
  return row && typeof row === 'object' ? { ...(row as Row), words: [PENDING_WORDS] } : row;
}

function wrapNotes(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put'
        ? table.mutate({ ...req, values: req.values.map(deferred.has(req.trans) ? withPendingWords : withWords) })
        : table.mutate(req),
    get: async (req) => withoutWords(await table.get(req)),
    getMany: async (req) => (await table.getMany(req)).map(withoutWords),
    query: async (req) => {
      const res = await table.query(req);
      return req.values ? { ...res, result: res.result.map(withoutWords) } : res;
    },
    openCursor: async (req) => (req.values === false ? table.openCursor(req) : wrapCursor(await table.openCursor(req))),
  };
}

export const noteWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'VettedNoteWords',
  create: (down) => ({
    ...down,
    table: (name) => (name === TABLE ? wrapNotes(down.table(name)) : down.table(name)),
  }),
};
