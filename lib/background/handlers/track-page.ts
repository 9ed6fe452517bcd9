/**
 * "Track this page" on any site, one capability for the popup's button and the context menu
 * (../track-menu.ts). The popup passes the active tab's id (it has no `tabs` permission, so no
 * address); opening the popup, or the menu click, granted activeTab on that tab, which is what
 * lets the background script it (../tab-reader.ts).
 */
import { trackContractor } from '../../db/repositories/contractors';
import { checkTrackable, readTab } from '../tab-reader';
import { RequestError } from '../errors';
import type { HandlerGroup } from '../context';

export const trackPageHandlers: HandlerGroup<'getTrackable' | 'trackPage'> = {
  async getTrackable(_db, { tabId }) {
    return checkTrackable(tabId);
  },

  async trackPage(db, { tabId }, ctx) {
    const read = await readTab(tabId);
    if (!read.ok) throw new RequestError(read.reason === 'blocked' ? 'forbidden' : 'not-found', read.message);
    const { profile } = read;
    const { contractor } = await trackContractor(db, profile, ctx.now, { viewed: true });
    // The side panel follows the tab's contractor: point it at the one just tracked.
    const context = { key: profile.key, site: profile.site, url: profile.profileUrl };
    if (await ctx.tabs.set(tabId, context)) ctx.tabContextChanged({ tabId, ...context });
    return contractor;
  },
};
