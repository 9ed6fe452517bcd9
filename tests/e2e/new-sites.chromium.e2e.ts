/** Toptal, Contra and Malt (./new-sites.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { launchChromium } from './harness';
import { describeNewSites } from './new-sites.shared';

describeNewSites('Chromium', () => launchChromium());
