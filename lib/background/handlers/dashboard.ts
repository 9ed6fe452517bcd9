/** The popup's one request: answered from the kept summary (lib/background/dashboard-summary.ts). */
import { dashboardSummary } from '../dashboard-summary';
import type { HandlerGroup } from '../context';

export const dashboardHandlers: HandlerGroup<'getDashboard'> = {
  async getDashboard(db) {
    // Kept up to date on writes (issue 18): opening the popup scans nothing when nothing changed.
    return dashboardSummary(db).get();
  },
};
