/** Search-result badges (./badges.shared.ts) in Debian's firefox-esr with the Firefox MV2 build. */
import { describeBadges } from './badges.shared';
import { launchFirefox } from './harness';

describeBadges({
  name: 'Firefox',
  launch: launchFirefox,
  element: async (page, selector) => {
    const card = await page.$(selector);
    if (!card) throw new Error(`Nothing matches ${selector} to screenshot`);
    return card;
  },
});
