/**
 * issue 12, attack 7 (stale tab), the same in each browser (stale-tab.<browser>.e2e.ts): tab A opens
 * a note's editor in the overlay, tab B edits and saves the same note in its overlay, then A saves.
 * B's edit is not lost: A's editor says the note changed, shows B's text, and A's save is refused
 * until the user chooses; "Keep mine" then saves A's text over it knowingly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionSession } from './harness';

/** What the suite does in a frame, through either driver. */
export interface FrameLike {
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  /** Clears a text field (select all, delete), as a user would before typing. */
  clear(selector: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}

export interface StaleTabBrowser<P, F> {
  name: string;
  launch(): Promise<ExtensionSession<P, F>>;
  wrap(frame: F): FrameLike;
}

const text = (frame: FrameLike, selector: string) =>
  frame.evaluate((s: string) => document.querySelector(s)?.textContent ?? null, selector);

export function describeStaleTab<P, F>(browser: StaleTabBrowser<P, F>): void {
  describe(`a note edited in two tabs in ${browser.name} (issue 12, attack 7)`, () => {
    let session: ExtensionSession<P, F>;
    beforeAll(async () => {
      session = await browser.launch();
      // Every profile opens with the overlay open (the remembered choice), so both tabs show it.
      await session.send('updateSettings', { patch: { overlayOpen: true } });
    });
    afterAll(async () => {
      await session?.close();
    });

    /** The note's editor in `frame`, opened by its Edit button, with `body` typed in place of the text. */
    async function edit(frame: FrameLike, noteId: string, body: string): Promise<string> {
      const item = `[data-testid="note-item"][data-note-id="${noteId}"]`;
      await waitFor('the note in the overlay', () => frame.evaluate((s: string) => !!document.querySelector(s) || null, item));
      await waitFor('the frame shown whole', () =>
        frame.evaluate(() => document.documentElement.dataset.exposure === 'settled' || null, null),
      );
      await frame.click(`${item} [aria-label="Edit note"]`);
      const box = `${item} textarea`;
      await waitFor('the editor', () => frame.evaluate((s: string) => !!document.querySelector(s) || null, box));
      await frame.clear(box);
      await frame.type(box, body);
      return item;
    }

    it('B’s save reaches A’s open editor; A’s save never overwrites it unseen, and Keep mine is a knowing choice', async () => {
      const pageA = await session.openMarketplacePage('upworkProfile');
      const frameA = browser.wrap(await session.overlayFrame(pageA));
      const key = await waitFor('the contractor stored', async () => (await session.send('listContractors', { limit: 5 }))[0]?.key);
      const note = await session.send('saveNote', { contractorKey: key, kind: 'general', body: 'Rate: $40/h' });
      const itemA = await edit(frameA, note.id, 'Rate: $45/h, typed in A');

      const pageB = await session.openMarketplacePage('upworkProfile');
      const frameB = browser.wrap(await session.overlayFrame(pageB));
      const itemB = await edit(frameB, note.id, 'Rate: $42/h, saved in B');
      await frameB.click(`${itemB} button[type="submit"]`);
      await waitFor(
        'B’s text stored',
        async () => (await session.send('getContractor', { key }))?.notes[0]?.body === 'Rate: $42/h, saved in B' || null,
      );

      // A's editor says so without a save, shows B's text, and keeps what A typed.
      const notice = await waitFor('the changed-elsewhere notice in A', () => text(frameA, `${itemA} [data-testid="note-conflict"]`));
      expect(notice).toContain('Changed elsewhere');
      expect(notice).toContain('Rate: $42/h, saved in B');
      expect(await frameA.evaluate((s: string) => (document.querySelector(s) as HTMLTextAreaElement).value, `${itemA} textarea`)).toBe(
        'Rate: $45/h, typed in A',
      );
      // Saving the stale edit is refused: B's text stays.
      await frameA.click(`${itemA} button[type="submit"]`);
      await waitFor(
        'the refusal said',
        async () => ((await text(frameA, `${itemA} [data-testid="note-conflict"]`)) ?? '').includes('not saved') || null,
      );
      expect((await session.send('getContractor', { key }))?.notes[0]?.body).toBe('Rate: $42/h, saved in B');

      // Keep mine: A's text, saved over B's knowingly.
      const keep = await frameA.evaluate((s: string) => {
        const b = [...document.querySelectorAll(`${s} [data-testid="note-conflict"] button`)].find(
          (x) => x.textContent?.trim() === 'Keep mine',
        );
        b?.setAttribute('data-test-keep', '');
        return !!b;
      }, itemA);
      expect(keep).toBe(true);
      await frameA.click(`${itemA} [data-test-keep]`);
      await waitFor(
        'A’s text stored',
        async () => (await session.send('getContractor', { key }))?.notes[0]?.body === 'Rate: $45/h, typed in A' || null,
      );
      // B's overlay follows.
      await waitFor('B shows A’s text', async () => ((await text(frameB, itemB)) ?? '').includes('Rate: $45/h, typed in A') || null);
    });
  });
}
