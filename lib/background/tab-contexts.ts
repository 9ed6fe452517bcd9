/**
 * Which contractor each tab shows, as last reported by the content script. Kept in memory and in
 * storage.session (when the browser has it) so a restarted service worker still knows: the side
 * panel asks for the active tab's context without needing the `tabs` permission.
 */
import type { SiteId } from '../db/schema';
import { SessionTabMap } from './session-tab-map';
import { tabContextsItem } from './stored-items';

export interface TabContext {
  key: string | null;
  site: SiteId | null;
  url: string | null;
}

export class TabContexts extends SessionTabMap<TabContext> {
  constructor() {
    super(tabContextsItem);
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
