/** A note edited in two tabs (./stale-tab.shared.ts) in Debian's firefox-esr with the MV2 build. */
import { launchFirefox } from './harness';
import { describeStaleTab } from './stale-tab.shared';

describeStaleTab({
  name: 'Firefox',
  launch: () => launchFirefox(),
  wrap: (frame) => ({
    click: (s) => frame.click(s),
    type: (s, t) => frame.type(s, t),
    async clear(s) {
      await frame.evaluate((sel) => (document.querySelector(sel) as HTMLTextAreaElement).select(), s);
      await frame.page().keyboard.press('Backspace');
    },
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg as never) as never,
  }),
});
