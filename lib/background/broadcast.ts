/**
 * Tells open views what changed. Extension pages hear runtime messages; content scripts only hear
 * tabs.sendMessage, so tabs that reported a page get the event too (their badges refresh).
 * A view that is not open is not an error.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, TabContextEvent } from '../messaging/protocol';

export type BackgroundEvent = ChangeEvent | TabContextEvent;

export async function broadcast(event: BackgroundEvent, tabIds: readonly number[] = []): Promise<void> {
  const sends: Promise<unknown>[] = [];
  try {
    sends.push(Promise.resolve(browser.runtime.sendMessage(event)));
  } catch {
    // "Could not establish connection. Receiving end does not exist.": no page is open.
  }
  for (const tabId of tabIds) {
    try {
      sends.push(Promise.resolve(browser.tabs.sendMessage(tabId, event)));
    } catch {
      // Tab closed or navigated away from a marketplace.
    }
  }
  await Promise.allSettled(sends);
}
