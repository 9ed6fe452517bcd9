/** Client-side navigation checks (./navigation.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { launchChromium } from './harness';
import { describeNavigation } from './navigation.shared';

describeNavigation('Chromium', () => launchChromium());
