import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { toptal } from '../lib/sites/toptal';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('toptal'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, toptal),
});
