/** Reads a table and its related records in one transaction and renders its CSV. */
import type { VettedDb } from '../db/database';
import { contractorsCsv, paymentsCsv, projectsCsv } from './csv';
import { backupFilename } from './format';
import { getSettings } from '../db/repositories/settings';

export const CSV_TABLES = ['contractors', 'projects', 'payments'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export async function exportCsv(db: VettedDb, table: CsvTable, now: number): Promise<{ text: string; filename: string }> {
  const text = await db.transaction('r', db.tables, async () => {
    if (table === 'contractors') {
      return contractorsCsv(await db.contractors.toArray(), {
        ratings: await db.ratings.toArray(),
        checks: await db.checks.toArray(),
        checklist: (await getSettings(db)).checklist,
        lists: await db.lists.toArray(),
      });
    }
    if (table === 'projects') {
      return projectsCsv(await db.projects.toArray(), {
        contractors: await db.contractors.toArray(),
        payments: await db.payments.toArray(),
        ratings: await db.ratings.toArray(),
      });
    }
    return paymentsCsv(await db.payments.toArray(), {
      projects: await db.projects.toArray(),
      milestones: await db.milestones.toArray(),
    });
  });
  return { text, filename: backupFilename(now, 'csv', `vetted-${table}`) };
}
