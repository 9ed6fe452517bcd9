/**
 * The popup's first paint the background keeps in storage.session (lib/background/dashboard-summary.ts):
 * its first cards and the totals of all projects. The popup paints it first, then shows the
 * answer to its request (issue 18).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FIRST_PAINT_SESSION_KEY, type FirstPaintDashboard } from '../../lib/messaging/kept-dashboard';

type SessionArea = { get(key: string): Promise<Record<string, unknown>> };

export async function readKeptDashboard(): Promise<FirstPaintDashboard | undefined> {
  try {
    const session = (browser.storage as unknown as { session?: SessionArea } | undefined)?.session;
    const saved = (await session?.get(FIRST_PAINT_SESSION_KEY))?.[FIRST_PAINT_SESSION_KEY] as FirstPaintDashboard | undefined;
    const whole =
      saved && typeof saved === 'object' && Array.isArray(saved.projects) && typeof saved.projectCount === 'number' && !!saved.totals;
    return whole ? saved : undefined;
  } catch {
    return undefined;
  }
}

export function useKeptDashboard(): FirstPaintDashboard | undefined {
  const [kept, setKept] = useState<FirstPaintDashboard>();
  useEffect(() => {
    let live = true;
    void readKeptDashboard().then((d) => live && d && setKept(d));
    return () => {
      live = false;
    };
  }, []);
  return kept;
}
