/**
 * The body of every marketplace content script (entrypoints/<site>.content.ts). Each site has its
 * own script carrying only its own adapter: a page loads and parses one adapter, not five.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteReader } from '../sites/reader';
import type { SiteAdapter } from '../sites/types';
import { runMarketplacePage } from './marketplace-page';

export function startMarketplacePage(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  runMarketplacePage(ctx, siteReader(adapter)).catch((err: unknown) => {
    // After an extension reload the old script's failures are expected: stay silent then.
    if (ctx.isValid) console.warn('[Vetted]', err);
  });
}
