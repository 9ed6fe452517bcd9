import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { malt } from '../lib/sites/malt';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('malt'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, malt),
});
