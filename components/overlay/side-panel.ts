/**
 * Opening the side panel (Chrome) or sidebar (Firefox) from the overlay. Both APIs only work while
 * handling the user's click, so `startOpeningSidePanel` must be called synchronously in the click
 * handler, before anything is awaited.
 */
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open: (options: { tabId: number }) => Promise<void> };
  sidebarAction?: { open: () => Promise<void> };
}

/** Resolves true when a panel was opened. Never throws. */
export function startOpeningSidePanel(tabId: number | null): Promise<boolean> {
  const apis = browser as unknown as PanelApis;
  try {
    if (apis.sidePanel?.open && tabId !== null) {
      return apis.sidePanel.open({ tabId }).then(
        () => true,
        () => false,
      );
    }
    if (apis.sidebarAction?.open) {
      return apis.sidebarAction.open().then(
        () => true,
        () => false,
      );
    }
  } catch {
    // An API that throws synchronously (no user gesture, policy) falls back to a tab.
  }
  return Promise.resolve(false);
}

/** Fallback: the side panel's page in a normal tab, showing the project. */
export async function openProjectInTab(projectId: string): Promise<void> {
  const url = browser.runtime.getURL(`/sidepanel.html?project=${encodeURIComponent(projectId)}` as '/sidepanel.html');
  await browser.tabs.create({ url });
}
