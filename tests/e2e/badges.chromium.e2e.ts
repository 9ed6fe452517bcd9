/** Search-result badges (./badges.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { describeBadges } from './badges.shared';
import { launchChromium } from './harness';

describeBadges({
  name: 'Chromium',
  launch: launchChromium,
  element: async (page, selector) => page.locator(selector),
  // What a screen reader gets: the accessibility tree, which sees into closed shadow roots.
  markLabels: async (page) => {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: unknown } }[] };
      return nodes.map((n) => String(n.name?.value ?? '')).filter((name) => name.startsWith('Vetted: '));
    } finally {
      await cdp.detach();
    }
  },
});
