/**
 * Foundation checks (./foundation.shared.ts) in firefox-esr with the Firefox MV2 build. The
 * restart check relies on the harness keeping a temporary add-on's storage (see harness/firefox.ts).
 */
import { describeFoundation } from './foundation.shared';
import { launchFirefox } from './harness';

describeFoundation('Firefox', launchFirefox);
