/** Whole-database operations: backup, restore, delete everything, storage figures. */
import { exportBackup, importBackup } from '../../backup/index';
import { countRows, deleteEverything } from '../../db/repositories/everything';
import type { HandlerGroup } from '../context';

export const dataHandlers: HandlerGroup<'exportBackup' | 'importBackup' | 'deleteEverything' | 'getStorageInfo'> = {
  async exportBackup(db, _payload, ctx) {
    return exportBackup(db, ctx.now);
  },

  /** The backup module validates the whole file first and writes in one transaction. */
  async importBackup(db, { text }, ctx) {
    return importBackup(db, text, ctx.now);
  },

  async deleteEverything(db) {
    await deleteEverything(db);
    return { ok: true };
  },

  async getStorageInfo(db, _payload, ctx) {
    const counts = await countRows(db);
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    const estimate = await storage?.estimate?.().catch(() => undefined);
    const persisted = (await storage?.persisted?.().catch(() => undefined)) ?? ctx.persisted ?? false;
    return {
      ...(estimate?.usage !== undefined ? { usage: estimate.usage } : {}),
      ...(estimate?.quota !== undefined ? { quota: estimate.quota } : {}),
      persisted,
      counts,
    };
  },
};
