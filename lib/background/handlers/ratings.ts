import { deleteRating, saveRating } from '../../db/repositories/ratings';
import type { HandlerGroup } from '../context';

export const ratingHandlers: HandlerGroup<'saveRating' | 'deleteRating'> = {
  /** Saving a rating for a project is also how the project is completed. */
  async saveRating(db, { id, createId, rating: input }, ctx) {
    const { rating } = await saveRating(db, id, input, ctx.now, undefined, createId);
    return rating;
  },

  async deleteRating(db, { id }, ctx) {
    return { deleted: await deleteRating(db, id, ctx.now) };
  },
};
