/**
 * Which contractor each tab shows, as last reported by the content script. Kept in memory and in
 * storage.session (when the browser has it) so a restarted service worker still knows: the side
 * panel asks for the active tab's context without needing the `tabs` permission.
 */
import { browser } from 'wxt/browser';
import type { SiteId } from '../db/schema';

export interface TabContext {
  key: string | null;
  site: SiteId | null;
  url: string | null;
}

const STORAGE_KEY = 'vetted:tab-contexts';

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

function sessionArea(): SessionArea | undefined {
  try {
    return (browser.storage as unknown as { session?: SessionArea } | undefined)?.session;
  } catch {
    return undefined;
  }
}

export class TabContexts {
  private readonly map = new Map<number, TabContext>();
  private restored: Promise<void> | undefined;

  /** Loads what a previous service-worker instance saved (once). */
  private restore(): Promise<void> {
    this.restored ??= (async () => {
      try {
        const saved = (await sessionArea()?.get(STORAGE_KEY))?.[STORAGE_KEY];
        if (saved && typeof saved === 'object') {
          for (const [id, ctx] of Object.entries(saved as Record<string, TabContext>)) {
            if (!this.map.has(Number(id))) this.map.set(Number(id), ctx);
          }
        }
      } catch {
        // No session storage (older Firefox): memory only.
      }
    })();
    return this.restored;
  }

  private async persist(): Promise<void> {
    try {
      await sessionArea()?.set({ [STORAGE_KEY]: Object.fromEntries(this.map) });
    } catch {
      // Memory still holds it; losing it on a worker restart only delays the side panel.
    }
  }

  async get(tabId: number): Promise<TabContext | undefined> {
    await this.restore();
    return this.map.get(tabId);
  }

  /** Returns true when the context changed. */
  async set(tabId: number, ctx: TabContext): Promise<boolean> {
    await this.restore();
    const before = this.map.get(tabId);
    if (before && before.key === ctx.key && before.site === ctx.site && before.url === ctx.url) return false;
    this.map.set(tabId, { ...ctx });
    await this.persist();
    return true;
  }

  async remove(tabId: number): Promise<void> {
    await this.restore();
    if (this.map.delete(tabId)) await this.persist();
  }

  /** Tabs whose content script reported a page (they get change events for their badges). */
  async tabIds(): Promise<number[]> {
    await this.restore();
    return [...this.map.keys()];
  }
}
