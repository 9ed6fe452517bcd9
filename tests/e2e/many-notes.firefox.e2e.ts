/** A contractor with thousands of notes (./many-notes.shared.ts) in Debian's firefox-esr with the MV2 build. */
import { launchFirefox } from './harness';
import { describeManyNotes } from './many-notes.shared';

describeManyNotes({
  name: 'Firefox',
  launch: () => launchFirefox(),
  wrap: (frame) => ({
    click: (s) => frame.click(s),
    texts: (s) => frame.$$eval(s, (els) => els.map((e) => e.textContent ?? '')),
  }),
  reload: async (page) => void (await page.reload()),
});
