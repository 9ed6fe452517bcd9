/**
 * The "Track this page as a contractor" context-menu item. It runs the same capability as the
 * popup's button — the `trackPage` request — through the router's internal entry, so it gets the
 * same checks, the same write and the same broadcast, then opens the side panel on the contractor.
 */
import { browser } from 'wxt/browser';
import { openSidePanel } from '../messaging/side-panel';
import type { Router } from './router';

export const TRACK_MENU_ID = 'vetted-track-page';

async function tell(title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  } catch {
    // Notifications off: nothing else to tell the user with from here.
  }
}

/** Tracks the contractor in a tab; on failure the user is told why in a notification. */
export async function trackFromMenu(tabId: number, router: Router): Promise<boolean> {
  const reply = await router.internal('trackPage', { tabId });
  if (reply.ok) return true;
  const unreadable = reply.code === 'forbidden' || reply.code === 'not-found';
  await tell(unreadable ? 'Vetted could not read this page' : 'Vetted could not save this contractor', reply.error);
  return false;
}

export function registerTrackMenu(router: Router): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Menus outlive a service-worker restart in Chrome: start from none so the id never clashes.
  void Promise.resolve(menus.removeAll())
    .then(() => menus.create({ id: TRACK_MENU_ID, title: 'Track this page as a contractor', contexts: ['page'] }))
    .catch(() => undefined);
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== TRACK_MENU_ID || tab?.id === undefined || tab.id < 0) return;
    // Inside the click, before anything is awaited: opening needs the user's gesture.
    void openSidePanel({}, { tabId: tab.id }, 'none');
    void trackFromMenu(tab.id, router);
  });
}
