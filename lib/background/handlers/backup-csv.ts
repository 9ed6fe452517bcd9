/** CSV exports (contractors, projects, payments) for spreadsheets. Reads only. */
import { exportCsv } from '../../backup/csv-export';
import type { HandlerGroup } from '../context';

export const backupCsvHandlers: HandlerGroup<'exportCsv'> = {
  async exportCsv(db, { table }, ctx) {
    return exportCsv(db, table, ctx.now);
  },
};
