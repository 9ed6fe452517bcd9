/** Requests from the content script. Nothing private goes back: it lives in the marketplace page. */
import { badgeSummary } from '../../domain/badge-summary';
import { derivedChecks } from '../../domain/vetting';
import { bulkGetContractors, upsertSnapshot } from '../../db/repositories/contractors';
import { checksByContractor } from '../../db/repositories/checks';
import { contractorKeysWithNotes } from '../../db/repositories/notes';
import { ratingsByContractor } from '../../db/repositories/ratings';
import { getSettings, isSiteEnabled } from '../../db/repositories/settings';
import { whereAnyOf } from '../../db/query';
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
    // One read transaction for the whole batch: without it every lookup (5 per key) opened its
    // own, and 100 cards cost 500 IndexedDB transactions (≈3× slower in Chromium, bench/listing).
    const [settings, contractors, checks, noted, ratings, projectRows] = await db.transaction(
      'r',
      [db.settings, db.contractors, db.checks, db.notes, db.ratings, db.projects],
      () =>
        Promise.all([
          getSettings(db),
          bulkGetContractors(db, unique),
          checksByContractor(db, unique),
          contractorKeysWithNotes(db, unique),
          ratingsByContractor(db, unique),
          whereAnyOf(db.projects, 'contractorKey', unique),
        ]),
    );
    // Ticks the data proves count on the badge as in the overlay (issue 14).
    const milestoneRows =
      projectRows.length > 0
        ? await whereAnyOf(
            db.milestones,
            'projectId',
            projectRows.map((p) => p.id),
          )
        : [];
    const byKey = new Map(contractors.map((c) => [c.key, c]));
    const projectIds = new Map<string, Set<string>>();
    for (const p of projectRows) {
      if (!p.contractorKey) continue;
      const set = projectIds.get(p.contractorKey) ?? new Set<string>();
      set.add(p.id);
      projectIds.set(p.contractorKey, set);
    }
    const derivedFor = (key: string) => {
      const keyProjects = projectRows.filter((p) => p.contractorKey === key);
      return derivedChecks({
        projects: keyProjects,
        milestones: milestoneRows.filter((m) => keyProjects.some((p) => p.id === m.projectId)),
        ratingCount: (ratings.get(key) ?? []).length,
      });
    };
    const out: Record<string, BadgeSummary> = {};
    const none = new Set<string>();
    for (const key of unique) {
      const status = byKey.get(key)?.status;
      const summary = badgeSummary(
        {
          key,
          ...(status ? { status } : {}),
          checks: checks.get(key) ?? [],
          hasNotes: noted.has(key),
          ratings: ratings.get(key) ?? [],
          projectIds: projectIds.get(key) ?? none,
          derived: derivedFor(key),
        },
        settings.checklist,
      );
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
