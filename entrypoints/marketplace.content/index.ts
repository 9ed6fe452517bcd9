import { defineContentScript } from 'wxt/utils/define-content-script';
import { MARKETPLACE_MATCHES } from '../../lib/sites/matches';

export default defineContentScript({
  matches: [...MARKETPLACE_MATCHES],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.vettedReady = '1';
  },
});
