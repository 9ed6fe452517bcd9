/** A contractor with thousands of notes (./many-notes.shared.ts) in Debian's chromium with the MV3 build. */
import { launchChromium } from './harness';
import { describeManyNotes } from './many-notes.shared';

describeManyNotes({
  name: 'Chromium',
  launch: () => launchChromium(),
  wrap: (frame) => ({
    click: (s) => frame.click(s),
    texts: (s) => frame.locator(s).allTextContents(),
  }),
  reload: async (page) => void (await page.reload()),
});
