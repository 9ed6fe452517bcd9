/**
 * The popup's data, kept ready (issue 18). The background computes the dashboard once, keeps it in
 * memory and in storage.session, and recomputes it only after a committed write that can change it
 * (the write recorder's onCommit): opening the popup then scans nothing, and the popup can paint
 * from storage.session before its request is even answered.
 *
 * - A write to projects, milestones, payments, contractors or ratings: recomputed.
 * - A write to settings only (every save marks `lastChangeAt`): only the settings row is re-read.
 * - Notes, checks, lists: the dashboard shows none of them, nothing to do.
 */
import { browser } from 'wxt/browser';
import type { VettedDb } from '../db/database';
import type { RecordedWrite } from '../db/recorder';
import { getSettings } from '../db/repositories/settings';
import { DASHBOARD_SESSION_KEY, FIRST_PAINT_SESSION_KEY, POPUP_FIRST_CARDS, type FirstPaintDashboard } from '../messaging/kept-dashboard';
import { dashboardTotals, rankProjects } from '../domain/dashboard';
import type { Dashboard } from '../messaging/protocol';
import { computeDashboard } from './dashboard-read';

export { DASHBOARD_SESSION_KEY, FIRST_PAINT_SESSION_KEY };

/** The popup's first paint from the whole dashboard, ranked and totalled as the popup does at `now`. */
export function firstPaintOf(d: Dashboard, now: number, timeZone = localZone()): FirstPaintDashboard {
  const options = { timeZone, dueSoonDays: d.settings.dueSoonDays };
  const ranked = rankProjects(d.projects, now, options);
  return {
    ...d,
    projects: ranked.slice(0, POPUP_FIRST_CARDS).map((r) => r.view),
    projectCount: d.projects.length,
    totals: dashboardTotals(d.projects, now, options),
    keptAt: now,
  };
}

function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

const FULL = new Set(['projects', 'milestones', 'payments', 'contractors', 'ratings']);
/** Bursts of writes (an import, a cascade) cost one recomputation. */
const REFRESH_DELAY_MS = 300;

type SessionArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
};

function sessionArea(): SessionArea | undefined {
  try {
    return (browser.storage as unknown as { session?: SessionArea } | undefined)?.session;
  } catch {
    return undefined;
  }
}

export class DashboardSummary {
  private value: Dashboard | undefined;
  private need: 'none' | 'settings' | 'all' = 'all';
  /** Bumped by every relevant write: a computation that saw an older version isn't kept. */
  private version = 0;
  private pending: Promise<Dashboard> | undefined;
  private restored: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private eager = false;

  constructor(
    private readonly db: VettedDb,
    private readonly session: SessionArea | undefined = sessionArea(),
    private readonly now: () => number = Date.now,
  ) {
    db.writes.onCommit((writes) => this.changed(writes));
  }

  /** Recompute soon after each relevant write and keep storage.session filled (the background does). */
  keepFresh(): void {
    this.eager = true;
  }

  /** The dashboard: from memory when nothing changed since it was computed. */
  get(): Promise<Dashboard> {
    if (this.value && this.need === 'none') return Promise.resolve(this.value);
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private changed(writes: readonly RecordedWrite[]): void {
    let full = false;
    let settings = false;
    for (const w of writes) {
      if (FULL.has(w.table)) full = true;
      else if (w.table === 'settings') settings = true;
    }
    if (!full && !settings) return;
    this.version++;
    this.need = full ? 'all' : this.need === 'all' ? 'all' : 'settings';
    void this.session?.remove([DASHBOARD_SESSION_KEY, FIRST_PAINT_SESSION_KEY]).catch(() => undefined);
    if (this.eager) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.get().catch(() => undefined), REFRESH_DELAY_MS);
    }
  }

  private async refresh(): Promise<Dashboard> {
    await this.restore();
    if (this.value && this.need === 'none') return this.value;
    const version = this.version;
    const need = this.need;
    const value =
      need === 'settings' && this.value ? { ...this.value, settings: await getSettings(this.db) } : await computeDashboard(this.db);
    if (version === this.version) {
      this.value = value;
      this.need = 'none';
      if (this.eager) {
        void this.session
          ?.set({ [DASHBOARD_SESSION_KEY]: value, [FIRST_PAINT_SESSION_KEY]: firstPaintOf(value, this.now()) })
          .catch(() => undefined);
      }
    }
    return value;
  }

  /** A restarted service worker takes what the previous one kept, when no write came since. */
  private restore(): Promise<void> {
    this.restored ??= (async () => {
      if (!this.eager || this.value) return;
      const version = this.version;
      const saved = (await this.session?.get(DASHBOARD_SESSION_KEY).catch(() => undefined))?.[DASHBOARD_SESSION_KEY];
      if (saved && typeof saved === 'object' && version === this.version && !this.value) {
        this.value = saved as Dashboard;
        this.need = 'none';
      }
    })();
    return this.restored;
  }
}

const summaries = new WeakMap<VettedDb, DashboardSummary>();

/** The one summary of a database (created on first use). */
export function dashboardSummary(db: VettedDb): DashboardSummary {
  let s = summaries.get(db);
  if (!s) {
    s = new DashboardSummary(db);
    summaries.set(db, s);
  }
  return s;
}
