/** Opens one of Vetted's own pages (board, reports) in a new tab (issue 16). */
import { browser } from 'wxt/browser';

export type OwnPage = '/board.html' | '/reports.html';

export function openOwnPage(path: OwnPage, closeAfter = false): Promise<void> {
  return browser.tabs.create({ url: browser.runtime.getURL(path as '/popup.html') }).then(() => {
    if (closeAfter) window.close();
  });
}
