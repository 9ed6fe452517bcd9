import { setCheck } from '../../db/repositories/checks';
import { deleteNote, getNote, restoreNote, saveNote } from '../../db/repositories/notes';
import type { Note } from '../../db/schema';
import type { HandlerGroup } from '../context';

export const checkNoteHandlers: HandlerGroup<'setCheck' | 'saveNote' | 'deleteNote' | 'restoreNote'> = {
  async setCheck(db, input, ctx) {
    const check = await setCheck(db, input, ctx.now);
    ctx.changed({ tables: ['checks'], contractorKeys: [input.contractorKey] });
    return check;
  },

  async saveNote(db, input, ctx) {
    const note = await saveNote(db, input, ctx.now);
    ctx.changed(notesChanged(note));
    return note;
  },

  async deleteNote(db, { id }, ctx) {
    const note = await getNote(db, id);
    const deleted = await deleteNote(db, id, ctx.now);
    if (deleted && note) ctx.changed(notesChanged(note));
    // The deleted note goes back to the view, which keeps it for an Undo (restoreNote).
    return deleted && note ? { deleted, note } : { deleted };
  },

  async restoreNote(db, { note }, ctx) {
    const restored = await restoreNote(db, note, ctx.now);
    ctx.changed(notesChanged(restored));
    return restored;
  },
};

function notesChanged(note: Note) {
  return {
    tables: ['notes' as const],
    ...(note.contractorKey ? { contractorKeys: [note.contractorKey] } : {}),
    ...(note.projectId ? { projectIds: [note.projectId] } : {}),
  };
}
