/** Pathological pages (./pathological.shared.ts) in Debian's firefox-esr with the Firefox MV2 build. */
import { launchFirefox } from './harness';
import { describePathological } from './pathological.shared';

describePathological({ name: 'Firefox', launch: () => launchFirefox() });
