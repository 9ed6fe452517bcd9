/** Pathological pages (./pathological.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { launchChromium } from './harness';
import { describePathological } from './pathological.shared';

describePathological({ name: 'Chromium', launch: () => launchChromium() });
