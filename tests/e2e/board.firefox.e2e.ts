/** Issue 16 (./board.shared.ts) in Debian's firefox-esr with the Firefox build. */
import { launchFirefox } from './harness';
import { describeBoard } from './board.shared';

describeBoard({ name: 'Firefox', launch: launchFirefox });
