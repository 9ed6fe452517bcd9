/** Search-result badges (./badges.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { describeBadges } from './badges.shared';
import { launchChromium } from './harness';

describeBadges({
  name: 'Chromium',
  launch: launchChromium,
  element: async (page, selector) => page.locator(selector),
});
