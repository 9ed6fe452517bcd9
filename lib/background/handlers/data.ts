/** Whole-database operations: backup, restore, delete everything, storage figures. */
import { exportBackup, importBackup } from '../../backup/index';
import { countRows, deleteEverything } from '../../db/repositories/everything';
import type { HandlerGroup } from '../context';
import { Transfers } from '../transfers';

/** Large backups in transit, part by part (issue 12 row 8): memory of this service worker only. */
export const transfers = new Transfers();

type Names = 'exportBackup' | 'getBackupPart' | 'importBackup' | 'importBackupPart' | 'deleteEverything' | 'getStorageInfo';

export const dataHandlers: HandlerGroup<Names> = {
  async exportBackup(db, _payload, ctx) {
    const { text, filename } = await exportBackup(db, ctx.now);
    // Past one message's size the rest is fetched with getBackupPart.
    return { ...transfers.offerDownload(text), filename };
  },

  async getBackupPart(_db, { id, index }) {
    return { text: transfers.downloadPart(id, index) };
  },

  async importBackupPart(_db, { uploadId, index, count, text }) {
    return { received: transfers.putUploadPart(uploadId, index, count, text) };
  },

  /** The backup module validates the whole file first and writes in one transaction. */
  async importBackup(db, payload, ctx) {
    const text = 'text' in payload ? payload.text : transfers.takeUpload(payload.uploadId);
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
