import type { VettedDb } from '../database';
import { keysPresent, whereAnyOf } from '../query';
import { ChangedElsewhereError, compact, NotFoundError, validate } from '../errors';
import { NoteSchema, type Note, type NoteKind } from '../schema';
import { markChanged } from './settings';
import { parseInterviewNote } from '../../domain/interview-kit';

const newest = (a: Note, b: Note) => b.createdAt - a.createdAt;

export async function getNote(db: VettedDb, id: string): Promise<Note | undefined> {
  return db.notes.get(id);
}

/** Newest first. */
export async function listNotesByContractor(db: VettedDb, contractorKey: string): Promise<Note[]> {
  return (await db.notes.where('contractorKey').equals(contractorKey).toArray()).sort(newest);
}

/** Where a page of notes (newest first) ends: the next page starts after this note. */
export interface NoteCursor {
  createdAt: number;
  id: string;
}

const afterCursor = (n: Note, c: NoteCursor) => n.createdAt < c.createdAt || (n.createdAt === c.createdAt && n.id < c.id);
const newestThenId = (a: Note, b: Note) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * issue 12 (attack 8): one page of a contractor's notes, newest first, after `before` — a contractor
 * with thousands of notes is sent in pages, never in one message the browser can't carry.
 */
export async function pageNotesByContractor(
  db: VettedDb,
  contractorKey: string,
  limit: number,
  before?: NoteCursor,
): Promise<{ notes: Note[]; total: number; more: boolean }> {
  const all = (await db.notes.where('contractorKey').equals(contractorKey).toArray()).sort(newestThenId);
  const from = before ? all.filter((n) => afterCursor(n, before)) : all;
  return { notes: from.slice(0, limit), total: all.length, more: from.length > limit };
}

/** The interview kit's newest answers note (by updatedAt) of a contractor, as InterviewKit picks it. */
export async function newestKitNote(db: VettedDb, contractorKey: string): Promise<Note | undefined> {
  let best: Note | undefined;
  await db.notes
    .where('contractorKey')
    .equals(contractorKey)
    .each((n) => {
      if (n.kind === 'interview' && (!best || n.updatedAt > best.updatedAt) && parseInterviewNote(n.body)) best = n;
    });
  return best;
}

/** Newest first. */
export async function listNotesByProject(db: VettedDb, projectId: string): Promise<Note[]> {
  return (await db.notes.where('projectId').equals(projectId).toArray()).sort(newest);
}

/** Notes of many projects at once, via the projectId index (dashboard). */
export async function notesByProject(db: VettedDb, projectIds: readonly string[]): Promise<Map<string, Note[]>> {
  const out = new Map<string, Note[]>();
  if (projectIds.length === 0) return out;
  for (const n of (await whereAnyOf(db.notes, 'projectId', projectIds)).sort(newest)) {
    const list = out.get(n.projectId!) ?? [];
    list.push(n);
    out.set(n.projectId!, list);
  }
  return out;
}

/** Keys among `keys` that have at least one note (reads index keys only, never note bodies). */
export async function contractorKeysWithNotes(db: VettedDb, keys: readonly string[]): Promise<Set<string>> {
  return keysPresent(db.notes, 'contractorKey', keys);
}

export interface NoteInput {
  /** Absent: a new note. */
  id?: string;
  /**
   * issue 12: the id a new note gets, made by the view once per draft. A retried create (the reply
   * was lost, e.g. the service worker died mid-save) finds the note already there and saves over it
   * instead of adding a second one.
   */
  createId?: string;
  /** issue 12: the version (updatedAt) the edit started from; a newer stored one refuses the save. */
  baseUpdatedAt?: number;
  contractorKey?: string;
  projectId?: string;
  kind: NoteKind;
  body: string;
}

/**
 * Creates a note, or edits one: only kind and body change (and an owner is added when given),
 * so a concurrent edit of another field is kept.
 */
export async function saveNote(
  db: VettedDb,
  input: NoteInput,
  now: number,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Note> {
  return db.transaction('rw', db.notes, db.settings, async () => {
    let note: Note;
    const { createId, baseUpdatedAt, ...fields } = input;
    input = fields;
    const retried = !input.id && createId ? await db.notes.get(createId) : undefined;
    const current = input.id ? await db.notes.get(input.id) : retried;
    if (input.id && !current) throw new NotFoundError('This note was deleted in another window.');
    if (input.id && current && baseUpdatedAt !== undefined && current.updatedAt > baseUpdatedAt) {
      throw new ChangedElsewhereError('This note was changed elsewhere while you were editing it. Nothing was saved.');
    }
    if (current) {
      const changes: Partial<Note> = compact({
        kind: input.kind,
        body: input.body,
        contractorKey: input.contractorKey,
        projectId: input.projectId,
        updatedAt: now,
      });
      note = validate(NoteSchema, { ...current, ...changes }, 'note');
      await db.notes.update(current.id, changes);
    } else {
      note = validate(NoteSchema, compact({ ...input, id: createId ?? newId(), createdAt: now, updatedAt: now }), 'note');
      await db.notes.add(note);
    }
    await markChanged(db, now);
    return note;
  });
}

export async function deleteNote(db: VettedDb, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.notes, db.settings, async () => {
    if (!(await db.notes.get(id))) return false;
    await db.notes.delete(id);
    await markChanged(db, now);
    return true;
  });
}

/**
 * Puts back a note deleted moments ago (Undo), exactly as it was: same id, kind, body and times.
 * A note already stored under that id wins (a second Undo, or a copy restored elsewhere), and a
 * note whose contractor or project was deleted since is refused rather than left without owner.
 */
export async function restoreNote(db: VettedDb, note: Note, now: number): Promise<Note> {
  return db.transaction('rw', [db.notes, db.contractors, db.projects, db.settings], async () => {
    const current = await db.notes.get(note.id);
    if (current) return current;
    if (note.contractorKey && !(await db.contractors.get(note.contractorKey))) {
      throw new NotFoundError('This contractor was deleted in another window, so the note cannot come back.');
    }
    if (note.projectId && !(await db.projects.get(note.projectId))) {
      throw new NotFoundError('This project was deleted in another window, so the note cannot come back.');
    }
    const restored = validate(NoteSchema, compact({ ...note }), 'note');
    await db.notes.add(restored);
    await markChanged(db, now);
    return restored;
  });
}
