/** Whole-database operations: backup, restore, delete everything, storage figures. */
import { exportBackup, importBackup } from '../../backup/index';
import { TABLE_NAMES } from '../../db/database';
import type { ChangedTable } from '../../messaging/protocol';
import type { HandlerGroup } from '../context';

const ALL_TABLES: ChangedTable[] = [...TABLE_NAMES];

export const dataHandlers: HandlerGroup<'exportBackup' | 'importBackup' | 'deleteEverything' | 'getStorageInfo'> = {
  async exportBackup(db, _payload, ctx) {
    const result = await exportBackup(db, ctx.now);
    ctx.changed({ tables: ['settings'] }); // lastBackupAt: the backup reminder goes away
    return result;
  },

  /** The backup module validates the whole file first and writes in one transaction. */
  async importBackup(db, { text }, ctx) {
    const report = await importBackup(db, text, ctx.now);
    ctx.changed({ tables: ALL_TABLES });
    return report;
  },

  async deleteEverything(db, _payload, ctx) {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((t) => t.clear()));
    });
    ctx.changed({ tables: ALL_TABLES });
    return { ok: true };
  },

  async getStorageInfo(db, _payload, ctx) {
    const counts: Record<string, number> = {};
    await db.transaction('r', db.tables, async () => {
      for (const name of TABLE_NAMES) counts[name] = await db.table(name).count();
    });
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
