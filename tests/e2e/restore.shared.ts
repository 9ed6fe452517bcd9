/**
 * Restore onto a fresh install, the same in each browser (restore.<browser>.e2e.ts), issue 14:
 * the user's data is made (a hired contractor with tags, a typed name, a milestone project, a
 * EUR default currency), exported, everything is deleted, the known profile is visited (the
 * overlay creates a fresh "Prospect" record and the overlay's open state is saved), then the file
 * is imported through the options page. Everything the user chose comes back exactly: a second
 * export equals the first except the visit itself (last seen) and bookkeeping times. The options
 * page then says a restore happened, not "You have not made a backup yet.".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession } from './harness';

export const KEY = 'upwork:~01140923f209578a6b';

export interface RestoreBrowser<P, F> {
  name: string;
  launch(): Promise<ExtensionSession<P, F>>;
  /** Opens options.html, puts `file` into its import input, resolves with the import report's text. */
  importThroughOptions(session: ExtensionSession<P, F>, file: string): Promise<{ report: string; lastBackup: string }>;
}

type Json = Record<string, any>;

/** The visit and the bookkeeping move; nothing else may. */
function comparable(file: Json) {
  const { data } = file;
  const contractors = (data.contractors as Json[])
    .map(({ lastSeenAt: _l, viewedAt: _v, updatedAt: _u, pageUpdatedAt: _p, ...rest }) => rest)
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
  const {
    lastBackupAt: _b,
    lastChangeAt: _c,
    lastRestoreAt: _r,
    updatedAt: _s,
    overlayOpen: _o,
    fieldUpdatedAt: _f,
    ...settings
  } = data.settings as Json;
  const byId = (rows: Json[]) => [...rows].sort((a, b) => String(a.id ?? a.itemId).localeCompare(String(b.id ?? b.itemId)));
  return {
    contractors,
    checks: byId(data.checks),
    notes: byId(data.notes),
    ratings: byId(data.ratings),
    projects: byId(data.projects),
    milestones: byId(data.milestones),
    payments: byId(data.payments),
    settings,
  };
}

export function describeRestore<P extends { close(): Promise<unknown> }, F>(browser: RestoreBrowser<P, F>): void {
  describe(`restore onto a fresh install in ${browser.name}`, () => {
    let session: ExtensionSession<P, F>;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-restore-e2e-'));
    const file = path.join(tmp, 'vetted-backup.json');
    let first: Json;

    beforeAll(async () => {
      session = await browser.launch();
    });
    afterAll(async () => {
      await session?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('gives back exactly what was exported, although the overlay made a fresh Prospect record first', async () => {
      // The user's data: the contractor is read from the real capture, then hired, tagged and renamed.
      const visit = await session.openMarketplacePage('upworkProfile');
      await waitFor('the overlay to record the contractor', async () => (await session.send('getContractor', { key: KEY })) !== null);
      await visit.close();
      await session.send('updateContractor', { key: KEY, patch: { status: 'hired', tags: ['email', 'klaviyo'], name: 'Dana (Klaviyo)' } });
      await session.send('setCheck', { contractorKey: KEY, itemId: 'interview-held', state: 'done', note: 'video call' });
      await session.send('saveNote', { contractorKey: KEY, kind: 'interview', body: 'Knows flows well' });
      const project = await session.send('createProject', {
        title: 'Klaviyo flows',
        contractorKey: KEY,
        budgetMinor: 150000,
        currency: 'EUR',
        status: 'active',
      });
      const ms = await session.send('saveMilestone', {
        projectId: project.id,
        patch: { title: 'Wireframes', dueDate: '2026-12-01', amountMinor: 45000 },
      });
      await session.send('savePayment', {
        projectId: project.id,
        patch: { milestoneId: ms.id, amountMinor: 45000, currency: 'EUR', paidAt: '2026-11-20' },
      });
      await session.send('updateSettings', { patch: { defaultCurrency: 'EUR', dueSoonDays: 5 } });

      const { text } = await session.send('exportBackup', {});
      fs.writeFileSync(file, text);
      first = JSON.parse(text);
      expect(first.data.contractors).toHaveLength(1);
      expect(first.data.contractors[0]).toMatchObject({ status: 'hired', name: 'Dana (Klaviyo)' });

      await session.send('deleteEverything', { confirm: 'DELETE' });
      expect(await session.send('listContractors', {})).toEqual([]);

      // A fresh install sees the known profile: Vetted records a new Prospect and the overlay's state.
      const again = await session.openMarketplacePage('upworkProfile');
      await waitFor(
        'the fresh Prospect record',
        async () => (await session.send('getContractor', { key: KEY }))?.contractor.status === 'prospect',
      );
      await session.send('updateSettings', { patch: { overlayOpen: true } });
      await again.close();

      const { report, lastBackup } = await browser.importThroughOptions(session, file);
      expect(report).toMatch(/Import finished/);
      expect(lastBackup).not.toContain('You have not made a backup yet.');
      expect(lastBackup).toContain('Restored from a backup today');

      const view = await session.send('getContractor', { key: KEY });
      expect(view?.contractor).toMatchObject({ status: 'hired', tags: ['email', 'klaviyo'], name: 'Dana (Klaviyo)' });
      const settings = await session.send('getSettings', {});
      expect(settings.defaultCurrency).toBe('EUR');
      expect(settings.dueSoonDays).toBe(5);

      const second = JSON.parse((await session.send('exportBackup', {})).text);
      expect(comparable(second)).toEqual(comparable(first));
    });
  });
}
