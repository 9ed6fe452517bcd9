/** Foundation checks (./foundation.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { describeFoundation } from './foundation.shared';
import { launchChromium } from './harness';

describeFoundation('Chromium', launchChromium);
