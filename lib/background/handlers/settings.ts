import { getSettings, updateSettings } from '../../db/repositories/settings';
import type { HandlerGroup } from '../context';

export const settingsHandlers: HandlerGroup<'getSettings' | 'updateSettings'> = {
  async getSettings(db) {
    return getSettings(db);
  },

  async updateSettings(db, { patch }, ctx) {
    return updateSettings(db, patch, ctx.now);
  },
};
