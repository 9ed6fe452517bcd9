import { setCheck } from '../../db/repositories/checks';
import { deleteNote, getNote, saveNote } from '../../db/repositories/notes';
import type { HandlerGroup } from '../context';

export const checkNoteHandlers: HandlerGroup<'setCheck' | 'saveNote' | 'deleteNote'> = {
  async setCheck(db, input, ctx) {
    const check = await setCheck(db, input, ctx.now);
    ctx.changed({ tables: ['checks'], contractorKeys: [input.contractorKey] });
    return check;
  },

  async saveNote(db, input, ctx) {
    const note = await saveNote(db, input, ctx.now);
    ctx.changed({
      tables: ['notes'],
      ...(note.contractorKey ? { contractorKeys: [note.contractorKey] } : {}),
      ...(note.projectId ? { projectIds: [note.projectId] } : {}),
    });
    return note;
  },

  async deleteNote(db, { id }, ctx) {
    const note = await getNote(db, id);
    const deleted = await deleteNote(db, id, ctx.now);
    if (deleted) {
      ctx.changed({
        tables: ['notes'],
        ...(note?.contractorKey ? { contractorKeys: [note.contractorKey] } : {}),
        ...(note?.projectId ? { projectIds: [note.projectId] } : {}),
      });
    }
    return { deleted };
  },
};
