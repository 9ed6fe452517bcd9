/**
 * Client-side navigation checks (./navigation.shared.ts) in firefox-esr with the Firefox MV2
 * build, where the content script may have no Navigation API and WXT polls the URL instead.
 */
import { launchFirefox } from './harness';
import { describeNavigation } from './navigation.shared';

describeNavigation('Firefox', () => launchFirefox());
