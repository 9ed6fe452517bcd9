/**
 * What the background keeps in storage.session for the popup (issue 18,
 * lib/background/dashboard-summary.ts):
 *
 * - DASHBOARD_SESSION_KEY: the whole dashboard, which a restarted service worker takes back;
 * - FIRST_PAINT_SESSION_KEY: the popup's first paint — its first cards, most urgent first, with
 *   the totals and the number of projects worked out over all of them — small enough to read at
 *   once (a heavy user's whole dashboard is about 580 KB, 40 ms to read in Chromium).
 */
import type { DashboardTotals } from '../domain/dashboard';
import type { Dashboard } from './protocol';

export const DASHBOARD_SESSION_KEY = 'vetted:dashboard';
export const FIRST_PAINT_SESSION_KEY = 'vetted:dashboard-first-paint';

/** Cards the popup draws when it opens; the rest on request. */
export const POPUP_FIRST_CARDS = 12;

export interface FirstPaintDashboard extends Dashboard {
  /** The first POPUP_FIRST_CARDS projects by urgency at `keptAt`. */
  projects: Dashboard['projects'];
  /** All of them. */
  projectCount: number;
  /** Over all projects, at `keptAt`. */
  totals: DashboardTotals;
  keptAt: number;
}
