/**
 * The dashboard the background keeps in storage.session (lib/background/dashboard-summary.ts):
 * the popup paints it first, then shows the answer to its request (issue 18).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DASHBOARD_SESSION_KEY } from '../../lib/messaging/kept-dashboard';
import type { Dashboard } from '../../lib/messaging/protocol';

type SessionArea = { get(key: string): Promise<Record<string, unknown>> };

export async function readKeptDashboard(): Promise<Dashboard | undefined> {
  try {
    const session = (browser.storage as unknown as { session?: SessionArea } | undefined)?.session;
    const saved = (await session?.get(DASHBOARD_SESSION_KEY))?.[DASHBOARD_SESSION_KEY];
    return saved && typeof saved === 'object' && Array.isArray((saved as Dashboard).projects) ? (saved as Dashboard) : undefined;
  } catch {
    return undefined;
  }
}

export function useKeptDashboard(): Dashboard | undefined {
  const [kept, setKept] = useState<Dashboard>();
  useEffect(() => {
    let live = true;
    void readKeptDashboard().then((d) => live && d && setKept(d));
    return () => {
      live = false;
    };
  }, []);
  return kept;
}
