/**
 * Issue 12, attack 12 (save reported as failed), Chromium: the background service worker dies
 * after a note's write has committed and before its answer reaches the overlay. The overlay says
 * it may be saved and keeps the text; the user saves again, and the contractor has the
 * note once, not twice (the composer's createId makes the retry save over the first write).
 *
 * The death is made exact rather than raced: in the worker, the first committed write to `notes`
 * never reports itself done (the data is on disk, no answer is sent), and CDP stops the worker, as
 * Chrome stops an idle or unresponsive one. Firefox runs the background as a persistent page (MV2)
 * that the browser does not stop in the middle of a request: the attack is Chromium's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, screenshot, waitFor, type ChromiumSession } from './harness';

const KEY = 'upwork:~01140923f209578a6b';
const TEXT = 'Asked for two references; she sent them within the hour.';

/**
 * In the service worker: the next committed readwrite transaction over `notes` never tells Dexie it
 * completed, so the data is on disk and no answer is ever sent (the worker then dies waiting).
 */
function armLostAnswerAfterNoteCommit(): void {
  const g = globalThis as unknown as { __vettedLoseAnswer?: boolean };
  g.__vettedLoseAnswer = true;
  const own = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete')!;
  Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
    configurable: true,
    get(this: IDBTransaction) {
      return own.get!.call(this) as unknown;
    },
    set(this: IDBTransaction, handler: ((this: IDBTransaction, ev: Event) => unknown) | null) {
      own.set!.call(
        this,
        handler &&
          function (this: IDBTransaction, ev: Event) {
            if (g.__vettedLoseAnswer && this.mode === 'readwrite' && this.objectStoreNames.contains('notes')) {
              g.__vettedLoseAnswer = false;
              return undefined;
            }
            return handler.call(this, ev);
          },
      );
    },
  });
}

describe('the background dies mid-save, Chromium (issue 12, attack 12)', () => {
  let session: ChromiumSession;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    session = await launchChromium();
    await session.send('updateSettings', { patch: { overlayOpen: true } });
    page = await session.openMarketplacePage('upworkProfile');
    frame = await session.overlayFrame(page);
    await frame.getByTestId('note-input').waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  const stored = async () => ((await session.send('getContractor', { key: KEY }))?.notes ?? []).filter((n) => n.body === TEXT);

  it('says the note may be saved and keeps the text; the retry stores it once', async () => {
    // The background's service worker, as CDP sees it (to stop it the way Chrome does).
    const cdp = await session.context.newCDPSession(page);
    const workers = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) if (v.scriptURL.startsWith(session.extensionOrigin)) workers.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const running = await waitFor('the background worker seen running', () => [...workers].find(([, status]) => status === 'running')?.[0]);

    await session.serviceWorker.evaluate(armLostAnswerAfterNoteCommit);
    const input = frame.getByTestId('note-input');
    await input.click();
    await input.pressSequentially(TEXT, { delay: 1 });
    await frame.getByTestId('note-save').click();
    // Committed, and the answer is lost: the worker dies before it sends one.
    await waitFor(
      'the note written',
      async () =>
        (await session.serviceWorker.evaluate(() => (globalThis as { __vettedLoseAnswer?: boolean }).__vettedLoseAnswer)) === false,
    );
    await cdp.send('ServiceWorker.stopWorker', { versionId: running });
    await waitFor('the worker stopped', () => workers.get(running) === 'stopped');

    // The overlay could not hear the answer: it says so, and the text is still there to save again.
    const alert = frame.locator('form:has([data-testid="note-input"]) [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Your text is kept. Vetted stopped before it confirmed this, so it may already be saved.');
    expect(await input.inputValue()).toBe(TEXT);
    await screenshot(page, 'save-interrupted-chromium');

    // The write itself was committed before the worker died (a new worker reads it back).
    expect(await stored()).toHaveLength(1);

    // The user saves again: the same draft saves over the same note.
    await frame.getByTestId('note-save').click();
    await waitFor('the composer to clear after the retry', async () => (await input.inputValue()) === '', { timeout: 30_000 });
    const after = await stored();
    expect(after).toHaveLength(1);
    expect(after[0]!.contractorKey).toBe(KEY);
    await waitFor('the note listed once in the overlay', async () => (await frame.getByText(TEXT, { exact: true }).count()) === 1);
  });
});
