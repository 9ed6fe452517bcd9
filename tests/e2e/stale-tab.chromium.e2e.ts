/** A note edited in two tabs (./stale-tab.shared.ts) in Debian's chromium with the MV3 build. */
import { launchChromium } from './harness';
import { describeStaleTab } from './stale-tab.shared';

describeStaleTab({
  name: 'Chromium',
  launch: () => launchChromium(),
  wrap: (frame) => ({
    click: (s) => frame.click(s),
    type: (s, t) => frame.locator(s).pressSequentially(t),
    clear: (s) => frame.fill(s, ''),
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg as never) as never,
  }),
});
