/** The profile overlay (./overlay.shared.ts) in Debian's firefox-esr with the Firefox MV2 build. */
import { launchFirefox } from './harness';
import { describeOverlay } from './overlay.shared';

describeOverlay({
  name: 'Firefox',
  launch: launchFirefox,
  item: 'interview-held',
  note: 'Interview went well; wants 50 per hour (private-Q8FX)',
  secret: 'private-Q8FX',
  otherNoteText: 'wants 50 per hour',
});
