/** Upwork talent search and its profile slider (./upwork-search.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { launchChromium } from './harness';
import { describeUpworkSearch } from './upwork-search.shared';

describeUpworkSearch({
  name: 'Chromium',
  launch: () => launchChromium(),
  element: async (page, selector) => page.locator(selector),
});
