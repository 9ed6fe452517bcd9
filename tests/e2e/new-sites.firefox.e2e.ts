/** Toptal, Contra and Malt (./new-sites.shared.ts) in Debian's firefox-esr with the Firefox MV2 build. */
import { launchFirefox } from './harness';
import { describeNewSites } from './new-sites.shared';

describeNewSites('Firefox', () => launchFirefox());
