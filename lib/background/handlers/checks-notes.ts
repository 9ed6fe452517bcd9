import { setCheck } from '../../db/repositories/checks';
import { deleteNote, getNote, pageNotesByContractor, restoreNote, saveNote } from '../../db/repositories/notes';
import type { HandlerGroup } from '../context';

export const checkNoteHandlers: HandlerGroup<'setCheck' | 'saveNote' | 'deleteNote' | 'restoreNote' | 'listNotes'> = {
  async setCheck(db, input, ctx) {
    return setCheck(db, input, ctx.now);
  },

  async saveNote(db, input, ctx) {
    return saveNote(db, input, ctx.now);
  },

  async deleteNote(db, { id }, ctx) {
    const note = await getNote(db, id);
    const deleted = await deleteNote(db, id, ctx.now);
    // The deleted note goes back to the view, which keeps it for an Undo (restoreNote).
    return deleted && note ? { deleted, note } : { deleted };
  },

  async restoreNote(db, { note }, ctx) {
    return restoreNote(db, note, ctx.now);
  },

  async listNotes(db, { contractorKey, before, limit }) {
    const { notes, more } = await pageNotesByContractor(db, contractorKey, limit, before);
    return { notes, more };
  },
};
