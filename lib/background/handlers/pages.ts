/** Requests from the content script. Nothing private goes back: it lives in the marketplace page. */
import { badgeSummary } from '../../domain/badge-summary';
import { badgeFactsOf, badgeInput } from '../../db/repositories/badge-facts';
import { upsertSnapshot } from '../../db/repositories/contractors';
import { getSettings, isSiteEnabled } from '../../db/repositories/settings';
import type { BadgeSummary } from '../../messaging/protocol';
import { MARKETPLACE_IDS, type MarketplaceId } from '../../db/schema';
import { RequestError } from '../errors';
import type { HandlerGroup } from '../context';

export const pageHandlers: HandlerGroup<'reportPage' | 'getBadges' | 'getSiteSwitches' | 'getTabContext'> = {
  async reportPage(db, { site, profile }, ctx) {
    if (profile && profile.site !== site) {
      throw new RequestError('bad-request', `Invalid "reportPage" request: profile.site: expected "${site}".`);
    }
    const enabled = await isSiteEnabled(db, site);
    let key: string | null = null;
    if (enabled && profile) {
      await upsertSnapshot(db, profile, ctx.now, { viewed: true });
      key = profile.key;
    }
    const tabId = ctx.sender.tab?.id;
    if (tabId !== undefined && tabId >= 0) {
      const url = ctx.sender.url ?? ctx.sender.tab?.url ?? null;
      const context = { key, site: enabled ? site : null, url };
      if (await ctx.tabs.set(tabId, context)) ctx.tabContextChanged({ tabId, ...context });
    }
    return { key, enabled };
  },

  async getBadges(db, { keys }) {
    const unique = [...new Set(keys)];
    // issue 18: one read of the kept facts (lib/db/badge-facts.ts); only keys a write marked dirty
    // since, or not kept yet, are computed from the tables, and kept for the next listing.
    const [settings, { facts }] = await Promise.all([getSettings(db), badgeFactsOf(db, unique)]);
    const out: Record<string, BadgeSummary> = {};
    for (const key of unique) {
      const f = facts.get(key);
      const summary = f ? badgeSummary(badgeInput(key, f), settings.checklist) : null;
      if (summary) out[key] = summary;
    }
    return out;
  },

  async getSiteSwitches(db) {
    // A site without a stored switch (added after the row was written) is on.
    const sites = (await getSettings(db)).sites;
    return Object.fromEntries(MARKETPLACE_IDS.map((s) => [s, sites[s] !== false])) as Record<MarketplaceId, boolean>;
  },

  async getTabContext(_db, { tabId }, ctx) {
    const id = tabId ?? ctx.sender.tab?.id;
    if (id === undefined || id < 0) return { tabId: null, key: null, site: null, url: null };
    const context = await ctx.tabs.get(id);
    return { tabId: id, key: context?.key ?? null, site: context?.site ?? null, url: context?.url ?? null };
  },
};
