/**
 * The profile overlay (./overlay.shared.ts) in Debian's chromium with the Chrome MV3 build, plus
 * what only Chromium checks here: the keyboard-shortcut path and a browser restart on the same
 * profile.
 */
import { it } from 'vitest';
import { launchChromium, waitFor } from './harness';
import { describeOverlay } from './overlay.shared';

describeOverlay(
  {
    name: 'Chromium',
    launch: launchChromium,
    item: 'reviews-read',
    note: 'Asked for two references; rate negotiable to 45 (private-7Q4Z)',
    secret: 'private-7Q4Z',
    otherNoteText: 'rate negotiable',
  },
  (suite) => {
    it('toggles from the keyboard-shortcut message the background forwards', async () => {
      await suite.setOpen(suite.page, false);
      // Sent as lib/background/commands.ts does, from an extension page (an idle MV3 service worker
      // may have been stopped, so not from there). Only tabs with our content script answer.
      const ext = await suite.session.openExtensionPage('popup.html');
      await ext.evaluate(async () => {
        type Tabs = {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: unknown, o: object): Promise<unknown>;
        };
        const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
        for (const tab of await tabs.query({})) {
          if (tab.id !== undefined)
            await tabs.sendMessage(tab.id, { type: 'vetted:toggle-overlay' }, { frameId: 0 }).catch(() => undefined);
        }
      });
      await ext.close();
      await waitFor('the shortcut to open the overlay', async () => (await suite.frameBox(suite.page)).width >= 300, { timeout: 5_000 });
    });

    it('keeps both after closing and reopening the browser with the same profile', async () => {
      await suite.relaunch();
      await suite.expectSaved(suite.page);
    });
  },
);
