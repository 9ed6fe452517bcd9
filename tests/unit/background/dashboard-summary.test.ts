/**
 * Issue 18: the popup's dashboard is kept by the background — in memory and in storage.session —
 * and recomputed only after a write that can change it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardSummary } from '../../../lib/background/dashboard-summary';
import { computeDashboard } from '../../../lib/background/dashboard-read';
import {
  DASHBOARD_SESSION_KEY,
  FIRST_PAINT_SESSION_KEY,
  POPUP_FIRST_CARDS,
  type FirstPaintDashboard,
} from '../../../lib/messaging/kept-dashboard';
import { dashboardTotals, rankProjects } from '../../../lib/domain/dashboard';
import { saveMilestone } from '../../../lib/db/repositories/milestones';
import { createProject } from '../../../lib/db/repositories/projects';
import { saveNote } from '../../../lib/db/repositories/notes';
import type { VettedDb } from '../../../lib/db/database';
import { freshDb, T0 } from './harness';

function memorySession() {
  const items = new Map<string, unknown>();
  return {
    items,
    get: vi.fn(async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {})),
    set: vi.fn(async (all: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(all)) items.set(k, v);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const k of Array.isArray(keys) ? keys : [keys]) items.delete(k);
    }),
  };
}

const open: VettedDb[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const d of open.splice(0)) await d.delete();
});

describe('DashboardSummary', () => {
  it('keeps the popup’s first paint small: its first cards by urgency, with the count and totals of all projects', async () => {
    const db = freshDb();
    open.push(db);
    const now = Date.UTC(2026, 10, 20, 12);
    for (let i = 0; i < 20; i++) {
      const p = await createProject(db, { title: `Project ${String(i).padStart(2, '0')}`, status: 'active', budgetMinor: 100_00 }, T0);
      // Every third one has a milestone two days late: those are the most urgent.
      if (i % 3 === 0) await saveMilestone(db, p.id, undefined, { title: 'Late', dueDate: '2026-11-18' }, T0);
    }
    const session = memorySession();
    const summary = new DashboardSummary(db, session, () => now);
    summary.keepFresh();
    const full = await summary.get();
    const first = session.items.get(FIRST_PAINT_SESSION_KEY) as FirstPaintDashboard;
    const options = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC', dueSoonDays: full.settings.dueSoonDays };
    const ranked = rankProjects(full.projects, now, options);
    expect(first.projects.map((v) => v.project.id)).toEqual(ranked.slice(0, POPUP_FIRST_CARDS).map((r) => r.view.project.id));
    expect(first.projects.slice(0, 7).every((v) => v.milestones.length === 1)).toBe(true);
    expect(first.projectCount).toBe(20);
    expect(first.totals).toEqual(dashboardTotals(full.projects, now, options));
    expect(first.totals.overdueMilestones).toBe(7);
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(full).length);
  });

  it('keeps the dashboard in storage.session, drops it on a relevant write and fills it again soon after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = freshDb();
    open.push(db);
    const session = memorySession();
    const summary = new DashboardSummary(db, session);
    summary.keepFresh();
    const first = await summary.get();
    expect(session.items.get(DASHBOARD_SESSION_KEY)).toEqual(first);

    const project = await createProject(db, { title: 'Logo', status: 'active' }, T0);
    expect(session.items.has(DASHBOARD_SESSION_KEY)).toBe(false);
    await vi.runAllTimersAsync();
    await vi.waitFor(() => expect(session.items.has(DASHBOARD_SESSION_KEY)).toBe(true));
    const kept = session.items.get(DASHBOARD_SESSION_KEY) as Awaited<ReturnType<typeof computeDashboard>>;
    expect(kept.projects.map((v) => v.project.id)).toEqual([project.id]);
    expect(await summary.get()).toEqual(await computeDashboard(db));
  });

  it('a note (shown nowhere in the popup) leaves the projects alone and re-reads only the settings', async () => {
    const db = freshDb();
    open.push(db);
    await createProject(db, { title: 'Logo', status: 'active' }, T0);
    const summary = new DashboardSummary(db, memorySession());
    const before = await summary.get();
    await saveNote(db, { contractorKey: 'upwork:~01abc', kind: 'general', body: 'hello' }, T0 + 1);
    const after = await summary.get();
    expect(after.projects).toBe(before.projects);
    expect(after).toEqual(await computeDashboard(db));
  });

  it('a restarted background takes the kept dashboard from storage.session instead of reading the database', async () => {
    const db = freshDb();
    open.push(db);
    const session = memorySession();
    const keeper = new DashboardSummary(db, session);
    keeper.keepFresh();
    const kept = await keeper.get();
    const restarted = new DashboardSummary(db, session);
    restarted.keepFresh();
    const reads = vi.spyOn(db, 'transaction');
    expect(await restarted.get()).toEqual(kept);
    expect(reads).not.toHaveBeenCalled();
  });
});
