import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wired in lib/background (database, router, alarms).
});
