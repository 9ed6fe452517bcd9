import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { contra } from '../lib/sites/contra';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('contra'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, contra),
});
