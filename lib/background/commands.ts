/**
 * The keyboard shortcut (manifest `commands`): forwarded to the content script of the active tab,
 * which passes it on to its overlay frame. Only the top frame is addressed, so the overlay
 * (an extension page inside the tab) never gets the command twice.
 */
import { browser } from 'wxt/browser';
import { TOGGLE_OVERLAY_MESSAGE } from '../messaging/events';

export const TOGGLE_OVERLAY_COMMAND = 'toggle-overlay';

async function activeTabId(tab?: { id?: number }): Promise<number | undefined> {
  if (tab?.id !== undefined && tab.id >= 0) return tab.id;
  // Without the `tabs` permission a query still returns the id (just not the URL).
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export async function forwardToggle(tab?: { id?: number }): Promise<boolean> {
  const tabId = await activeTabId(tab);
  if (tabId === undefined) return false;
  try {
    await browser.tabs.sendMessage(tabId, TOGGLE_OVERLAY_MESSAGE, { frameId: 0 });
    return true;
  } catch {
    // Not a marketplace tab (no content script listening): nothing to toggle.
    return false;
  }
}

export function registerCommands(): void {
  browser.commands?.onCommand.addListener((command: string, tab?: { id?: number }) => {
    if (command === TOGGLE_OVERLAY_COMMAND) void forwardToggle(tab);
  });
}
