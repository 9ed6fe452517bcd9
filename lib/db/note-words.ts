/**
 * Issue 16: every note row carries `words` (lib/domain/words.ts), indexed multiEntry (schema
 * version 8), so the board's note-text search reads only the notes whose words start with what was
 * typed. A DBCore middleware keeps it true for every write, whoever writes (the notes repository,
 * a backup import, a sync merge): each note put or added gets its words from its body.
 *
 * The field is the index's, not the user's: reads drop it, so notes leave the database (views,
 * backups, CSVs, sync) exactly as the schema describes them.
 */
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { noteWords } from '../domain/words';

const TABLE = 'notes';
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

function wrapNotes(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) =>
      req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(withWords) }) : table.mutate(req),
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
