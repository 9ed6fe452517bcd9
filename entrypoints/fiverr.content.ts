import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { fiverr } from '../lib/sites/fiverr';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('fiverr'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, fiverr),
});
