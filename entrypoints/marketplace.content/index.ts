import { defineContentScript } from 'wxt/utils/define-content-script';
import { runMarketplacePage } from '../../lib/content/marketplace-page';
import { MARKETPLACE_MATCHES } from '../../lib/sites/matches';

export default defineContentScript({
  matches: [...MARKETPLACE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runMarketplacePage(ctx).catch((err: unknown) => {
      // After an extension reload the old script's failures are expected: stay silent then.
      if (ctx.isValid) console.warn('[Vetted]', err);
    });
  },
});
