import { getSettings, updateSettings } from '../../db/repositories/settings';
import type { HandlerGroup } from '../context';

export const settingsHandlers: HandlerGroup<'getSettings' | 'updateSettings'> = {
  async getSettings(db) {
    return getSettings(db);
  },

  async updateSettings(db, { patch }, ctx) {
    const settings = await updateSettings(db, patch, ctx.now);
    ctx.changed({ tables: ['settings'] });
    return settings;
  },
};
