/**
 * The popup's "Track this page" (the context-menu item's twin, ../track-page.ts). The popup passes
 * the active tab's id (it has no `tabs` permission, so no address); opening the popup granted
 * activeTab on that tab, which is what lets the background script it.
 */
import { checkTrackable, readTabResult } from '../track-page';
import { RequestError } from '../errors';
import type { HandlerGroup } from '../context';
import { contractorHandlers } from './contractors';

export const trackPageHandlers: HandlerGroup<'getTrackable' | 'trackPage'> = {
  async getTrackable(_db, { tabId }) {
    return checkTrackable(tabId);
  },

  async trackPage(db, { tabId }, ctx) {
    const read = await readTabResult(tabId);
    if (!read.ok) throw new RequestError(read.reason === 'blocked' ? 'forbidden' : 'not-found', read.message);
    const { profile } = read;
    const contractor = await contractorHandlers.trackContractor(db, { profile }, ctx);
    // The side panel follows the tab's contractor: point it at the one just tracked.
    const context = { key: profile.key, site: profile.site, url: profile.profileUrl };
    if (await ctx.tabs.set(tabId, context)) ctx.tabContextChanged({ tabId, ...context });
    return contractor;
  },
};
