import { beforeEach, describe, expect, it } from 'vitest';
import type { VettedDb } from '../../../lib/db/database';
import { checksByContractor, listChecks, setCheck } from '../../../lib/db/repositories/checks';
import {
  contractorKeysWithNotes,
  deleteNote,
  getNote,
  listNotesByContractor,
  listNotesByProject,
  notesByProject,
  saveNote,
} from '../../../lib/db/repositories/notes';
import { getSettings } from '../../../lib/db/repositories/settings';
import { InvalidRecordError, NotFoundError } from '../../../lib/db/errors';
import { freshDb, ids, T0 } from './helpers';

const KEY = 'upwork:~01abc';
let db: VettedDb;
beforeEach(() => {
  db = freshDb();
});

describe('setCheck', () => {
  it('creates a check (todo by default), then changes state and note independently', async () => {
    expect(await setCheck(db, { contractorKey: KEY, itemId: 'samples', note: 'asked for 3' }, T0)).toEqual({
      contractorKey: KEY,
      itemId: 'samples',
      state: 'todo',
      note: 'asked for 3',
      updatedAt: T0,
    });
    await setCheck(db, { contractorKey: KEY, itemId: 'samples', state: 'done' }, T0 + 1);
    expect(await listChecks(db, KEY)).toEqual([
      { contractorKey: KEY, itemId: 'samples', state: 'done', note: 'asked for 3', updatedAt: T0 + 1 },
    ]);
    const cleared = await setCheck(db, { contractorKey: KEY, itemId: 'samples', note: null }, T0 + 2);
    expect(cleared).toEqual({ contractorKey: KEY, itemId: 'samples', state: 'done', updatedAt: T0 + 2 });
    expect(await listChecks(db, KEY)).toEqual([cleared]);
    expect((await getSettings(db)).lastChangeAt).toBe(T0 + 2);
  });

  it('an empty note clears it too', async () => {
    await setCheck(db, { contractorKey: KEY, itemId: 'a', note: 'x' }, T0);
    expect((await setCheck(db, { contractorKey: KEY, itemId: 'a', note: '' }, T0)).note).toBeUndefined();
  });

  it('rejects an invalid key and writes nothing', async () => {
    await expect(setCheck(db, { contractorKey: 'Not A Key', itemId: 'a', state: 'done' }, T0)).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await db.checks.count()).toBe(0);
  });

  it('groups checks of many contractors', async () => {
    await setCheck(db, { contractorKey: KEY, itemId: 'a', state: 'done' }, T0);
    await setCheck(db, { contractorKey: KEY, itemId: 'b', state: 'failed' }, T0);
    await setCheck(db, { contractorKey: 'fiverr:bob', itemId: 'a', state: 'na' }, T0);
    await setCheck(db, { contractorKey: 'guru:zed', itemId: 'a', state: 'na' }, T0);
    const grouped = await checksByContractor(db, [KEY, 'fiverr:bob', 'upwork:none']);
    expect(
      grouped
        .get(KEY)
        ?.map((c) => c.itemId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(grouped.get('fiverr:bob')?.map((c) => c.state)).toEqual(['na']);
    expect(grouped.has('guru:zed')).toBe(false);
    expect((await checksByContractor(db, [])).size).toBe(0);
  });
});

describe('notes', () => {
  it('saves a new note, then edits body and kind without touching the rest', async () => {
    const note = await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'first' }, T0, ids('n'));
    expect(note).toEqual({ id: 'n-1', contractorKey: KEY, kind: 'general', body: 'first', createdAt: T0, updatedAt: T0 });
    const edited = await saveNote(db, { id: note.id, kind: 'interview', body: 'second' }, T0 + 5);
    expect(edited).toEqual({ ...note, kind: 'interview', body: 'second', updatedAt: T0 + 5 });
    expect(await getNote(db, note.id)).toEqual(edited);
  });

  it('a note needs an owner and a body', async () => {
    await expect(saveNote(db, { kind: 'general', body: 'orphan' }, T0)).rejects.toThrow(/contractor, a project or both/);
    await expect(saveNote(db, { contractorKey: KEY, kind: 'general', body: '' }, T0)).rejects.toThrow(/body/);
    expect(await db.notes.count()).toBe(0);
  });

  it('editing a note deleted elsewhere says so instead of recreating it', async () => {
    await expect(saveNote(db, { id: 'gone', contractorKey: KEY, kind: 'general', body: 'x' }, T0)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.notes.count()).toBe(0);
  });

  it('lists by contractor and by project, newest first', async () => {
    const newId = ids('n');
    await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'old' }, T0, newId);
    await saveNote(db, { contractorKey: KEY, projectId: 'p1', kind: 'budget', body: 'new' }, T0 + 1, newId);
    await saveNote(db, { projectId: 'p2', kind: 'budget', body: 'p2' }, T0 + 2, newId);
    expect((await listNotesByContractor(db, KEY)).map((n) => n.body)).toEqual(['new', 'old']);
    expect((await listNotesByProject(db, 'p1')).map((n) => n.body)).toEqual(['new']);
    const grouped = await notesByProject(db, ['p1', 'p2', 'p3']);
    expect([...grouped.keys()].sort()).toEqual(['p1', 'p2']);
    expect((await notesByProject(db, [])).size).toBe(0);
    expect(await contractorKeysWithNotes(db, [KEY, 'fiverr:bob'])).toEqual(new Set([KEY]));
    expect(await contractorKeysWithNotes(db, [])).toEqual(new Set());
  });

  it('deletes', async () => {
    const note = await saveNote(db, { contractorKey: KEY, kind: 'general', body: 'x' }, T0);
    expect(await deleteNote(db, note.id, T0 + 1)).toBe(true);
    expect(await deleteNote(db, note.id, T0 + 2)).toBe(false);
    expect(await db.notes.count()).toBe(0);
    expect((await getSettings(db)).lastChangeAt).toBe(T0 + 1);
  });
});
