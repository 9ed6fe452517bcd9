/** Issue 16 (./board.shared.ts) in Debian's chromium with the Chrome MV3 build. */
import { launchChromium } from './harness';
import { describeBoard } from './board.shared';

describeBoard({ name: 'Chromium', launch: launchChromium });
