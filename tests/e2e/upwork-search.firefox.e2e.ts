/** Upwork talent search and its profile slider (./upwork-search.shared.ts) in Debian's firefox-esr with the Firefox MV2 build. */
import { launchFirefox } from './harness';
import { describeUpworkSearch } from './upwork-search.shared';

describeUpworkSearch({
  name: 'Firefox',
  launch: () => launchFirefox(),
  element: async (page, selector) => {
    const el = await page.$(selector);
    if (!el) throw new Error(`Nothing matches ${selector} to screenshot`);
    return el;
  },
});
