/**
 * Issue 18: the popup's dashboard is kept by the background — in memory and in storage.session —
 * and recomputed only after a write that can change it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardSummary } from '../../../lib/background/dashboard-summary';
import { computeDashboard } from '../../../lib/background/dashboard-read';
import { DASHBOARD_SESSION_KEY } from '../../../lib/messaging/kept-dashboard';
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
    remove: vi.fn(async (key: string) => void items.delete(key)),
  };
}

const open: VettedDb[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const d of open.splice(0)) await d.delete();
});

describe('DashboardSummary', () => {
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
