import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { guru } from '../lib/sites/guru';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('guru'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, guru),
});
