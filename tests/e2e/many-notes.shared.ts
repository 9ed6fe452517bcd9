/**
 * issue 12, attack 8, the same in each browser (many-notes.<browser>.e2e.ts): a contractor with
 * 3,900 notes (more than one message could carry before) opens in the overlay with the newest page
 * of notes and a "Show older notes" button that brings the next page; the backup that put them
 * there is imported in one request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTES_PAGE } from '../../lib/messaging/pages';
import { waitFor, type ExtensionSession } from './harness';

export interface ManyNotesFrame {
  click(selector: string): Promise<void>;
  /** textContent of every element matching `selector`. */
  texts(selector: string): Promise<string[]>;
}

export interface ManyNotesBrowser<P, F> {
  name: string;
  launch(): Promise<ExtensionSession<P, F>>;
  wrap(frame: F): ManyNotesFrame;
  reload(page: P): Promise<void>;
}

const COUNT = 3_900;

export function describeManyNotes<P, F>(browser: ManyNotesBrowser<P, F>): void {
  describe(`a contractor with ${COUNT} notes in ${browser.name} (issue 12, attack 8)`, () => {
    let session: ExtensionSession<P, F>;
    beforeAll(async () => {
      session = await browser.launch();
      await session.send('updateSettings', { patch: { overlayOpen: true } });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('opens with the newest notes and pages through the older ones', async () => {
      const page = await session.openMarketplacePage('upworkProfile');
      await session.overlayFrame(page);
      const key = await waitFor('the contractor stored', async () => (await session.send('listContractors', { limit: 5 }))[0]?.key);
      const backup = JSON.parse((await session.send('exportBackup', {})).text) as { data: { notes: unknown[] } };
      const t0 = Date.UTC(2026, 0, 1);
      for (let i = 0; i < COUNT; i++) {
        backup.data.notes.push({
          id: `bulk-${String(i).padStart(4, '0')}`,
          contractorKey: key,
          kind: 'general',
          body: `Call ${i + 1}: discussed the next step of the shop redesign and the budget for it.`,
          createdAt: t0 + i * 60_000,
          updatedAt: t0 + i * 60_000,
        });
      }
      const report = await session.send('importBackup', { text: JSON.stringify(backup) });
      expect(report.tables.notes?.added).toBe(COUNT);

      await browser.reload(page);
      const frame = browser.wrap(await session.overlayFrame(page));
      const items = '[data-testid="note-item"]';
      const first = await waitFor('the first page of notes', async () => {
        const t = await frame.texts(items);
        return t.length > 0 ? t : null;
      });
      expect(first).toHaveLength(NOTES_PAGE);
      expect(first[0]).toContain(`Call ${COUNT}:`);
      const older = '.ov-notes__older';
      expect((await frame.texts(older))[0]).toBe(`Show older notes (${COUNT - NOTES_PAGE} more)`);
      await frame.click(older);
      const more = await waitFor('the next page', async () => {
        const t = await frame.texts(items);
        return t.length > NOTES_PAGE ? t : null;
      });
      expect(more).toHaveLength(2 * NOTES_PAGE);
      expect(more[2 * NOTES_PAGE - 1]).toContain(`Call ${COUNT - 2 * NOTES_PAGE + 1}:`);
      expect((await frame.texts(older))[0]).toBe(`Show older notes (${COUNT - 2 * NOTES_PAGE} more)`);
    });
  });
}
