/**
 * "Track this page as a contractor" on any site: a context-menu item. The page is read only when
 * the user asks, through `activeTab` + `scripting` (no host permission, no content script on
 * other sites), by the generic adapter in `entrypoints/track-page.ts`. The contractor is then
 * tracked through the router (same checks and change broadcasts as any request), the tab's
 * context is set so the side panel shows them, and the side panel is opened. The popup's
 * "Track this page" button does the same through the `getTrackable` and `trackPage` requests
 * (./handlers/track-page.ts).
 */
import { browser } from 'wxt/browser';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../db/schema';
import { TAB_CONTEXT_EVENT, type Reply, type TrackableCheck } from '../messaging/protocol';
import { isMarketplaceUrl } from '../sites/matches';
import { broadcast } from './broadcast';
import type { Router } from './router';
import type { TabContexts } from './tab-contexts';

export const TRACK_MENU_ID = 'vetted-track-page';
export const TRACK_SCRIPT = '/track-page.js';

type Tab = { id?: number; windowId?: number };
interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Must run inside the click handler before anything is awaited: opening needs the user gesture. */
function openPanel(tab: Tab): void {
  const g = globalThis as unknown as { chrome?: PanelApis; browser?: PanelApis };
  try {
    if (g.chrome?.sidePanel?.open && tab.id !== undefined) void g.chrome.sidePanel.open({ tabId: tab.id }).catch(() => undefined);
    else if (g.browser?.sidebarAction?.open) void g.browser.sidebarAction.open().catch(() => undefined);
  } catch {
    // No side panel in this browser: the contractor is tracked all the same.
  }
}

export const CANNOT_READ_MESSAGE =
  'Vetted can’t read browser pages, the extension store or files. Open the contractor’s own website and try again.';
export const NOTHING_READABLE_MESSAGE =
  'Vetted found nothing to read on this page. Open the contractor’s own page (not a PDF or a blank tab) and try again.';

export type TabRead =
  | { ok: true; profile: ProfileSnapshot }
  /** `blocked`: the browser refused the script; `empty`: it ran but found no contractor. */
  | { ok: false; reason: 'blocked' | 'empty'; message: string };

/** Reads the tab with the generic adapter, saying why when it can't (browser pages, PDFs…). */
export async function readTabResult(tabId: number): Promise<TabRead> {
  let result: unknown;
  try {
    [{ result } = { result: undefined }] = await browser.scripting.executeScript({ target: { tabId }, files: [TRACK_SCRIPT] });
  } catch {
    return { ok: false, reason: 'blocked', message: CANNOT_READ_MESSAGE };
  }
  const parsed = ProfileSnapshotSchema.safeParse(result);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, reason: 'empty', message: NOTHING_READABLE_MESSAGE };
}

/** Reads the tab with the generic adapter; null when the page can't be read (browser pages, PDFs…). */
export async function readTab(tabId: number): Promise<ProfileSnapshot | null> {
  const read = await readTabResult(tabId);
  return read.ok ? read.profile : null;
}

/**
 * Whether "Track this page" can work in a tab, without reading the page: a one-line script asks
 * for its address. It runs only while the user has granted activeTab (they opened the popup on
 * it); a refusal means a browser page, the extension store, or a tab the grant doesn't cover.
 */
export async function checkTrackable(tabId: number): Promise<TrackableCheck> {
  let href: unknown;
  try {
    [{ result: href } = { result: undefined }] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => location.href,
    });
  } catch {
    return { state: 'unavailable', message: CANNOT_READ_MESSAGE };
  }
  let url: URL;
  try {
    url = new URL(String(href));
  } catch {
    return { state: 'unavailable', message: NOTHING_READABLE_MESSAGE };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { state: 'unavailable', message: CANNOT_READ_MESSAGE };
  return isMarketplaceUrl(url.href) ? { state: 'marketplace' } : { state: 'ready' };
}

async function tell(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  } catch {
    // Notifications off: nothing else to tell the user with from here.
  }
}

export async function trackTab(tabId: number, router: Router, tabs: TabContexts): Promise<ProfileSnapshot | null> {
  const read = await readTabResult(tabId);
  if (!read.ok) {
    await tell('Vetted could not read this page', read.message);
    return null;
  }
  const { profile } = read;
  // The background speaks to its own router as an extension page would.
  const self = { id: browser.runtime.id, url: browser.runtime.getURL('/') };
  const reply = (await router({ type: 'trackContractor', payload: { profile } }, self)) as Reply<unknown> | undefined;
  if (!reply?.ok) {
    await tell('Vetted could not save this contractor', reply && !reply.ok ? reply.error : 'Please try again.');
    return null;
  }
  const context = { key: profile.key, site: profile.site, url: profile.profileUrl };
  if (await tabs.set(tabId, context)) await broadcast({ event: TAB_CONTEXT_EVENT, tabId, ...context }).catch(() => undefined);
  return profile;
}

export function registerTrackPage(router: Router, tabs: TabContexts): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Menus outlive a service-worker restart in Chrome: start from none so the id never clashes.
  void Promise.resolve(menus.removeAll())
    .then(() => menus.create({ id: TRACK_MENU_ID, title: 'Track this page as a contractor', contexts: ['page'] }))
    .catch(() => undefined);
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== TRACK_MENU_ID || tab?.id === undefined || tab.id < 0) return;
    openPanel(tab);
    void trackTab(tab.id, router, tabs);
  });
}
