import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMarketplacePage } from '../lib/content/marketplace-script';
import { siteMatches } from '../lib/sites/matches';
import { peopleperhour } from '../lib/sites/peopleperhour';

// One script per marketplace, with only its own adapter (lib/content/marketplace-script.ts).
export default defineContentScript({
  matches: siteMatches('peopleperhour'),
  runAt: 'document_idle',
  main: (ctx) => startMarketplacePage(ctx, peopleperhour),
});
