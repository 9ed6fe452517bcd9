import { deleteRating, getRating, saveRating } from '../../db/repositories/ratings';
import type { HandlerGroup } from '../context';

export const ratingHandlers: HandlerGroup<'saveRating' | 'deleteRating'> = {
  /** Saving a rating for a project is also how the project is completed. */
  async saveRating(db, { id, rating: input }, ctx) {
    const { rating, completedProject } = await saveRating(db, id, input, ctx.now);
    ctx.changed({
      tables: completedProject ? ['ratings', 'projects'] : ['ratings'],
      contractorKeys: [rating.contractorKey],
      ...(rating.projectId ? { projectIds: [rating.projectId] } : {}),
    });
    return rating;
  },

  async deleteRating(db, { id }, ctx) {
    const before = await getRating(db, id);
    const deleted = await deleteRating(db, id, ctx.now);
    if (deleted && before) {
      ctx.changed({
        tables: ['ratings'],
        contractorKeys: [before.contractorKey],
        ...(before.projectId ? { projectIds: [before.projectId] } : {}),
      });
    }
    return { deleted };
  },
};
