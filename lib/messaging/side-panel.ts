/**
 * The one way to open the side panel (Chrome) or sidebar (Firefox): from the popup, the overlay and
 * the context menu. Both browsers refuse to open a panel without the user's gesture, so
 * `openSidePanel` must be called synchronously in the click handler, before anything is awaited.
 *
 * With a target, the panel is told what to show: by its URL when it opens fresh, by the
 * SHOW_PROJECT_EVENT message when it was already open. Without one it follows the current tab.
 */
import { browser } from 'wxt/browser';
import { SHOW_PROJECT_EVENT } from './events';

export { SHOW_PROJECT_EVENT };
export interface ShowProjectMessage {
  event: typeof SHOW_PROJECT_EVENT;
  projectId?: string;
  contractorKey?: string;
}

export interface PanelTarget {
  projectId?: string;
  /** Open the new-project form, for this contractor when given. */
  newProject?: boolean;
  contractorKey?: string;
}

/** Where the panel opens: Chrome needs the window or the tab it belongs to. */
export interface PanelPlace {
  windowId?: number;
  tabId?: number | null;
}

export function sidePanelPath(target: PanelTarget): string {
  const q = new URLSearchParams();
  if (target.projectId) q.set('project', target.projectId);
  if (target.newProject) q.set('new', '1');
  if (target.contractorKey) q.set('contractor', target.contractorKey);
  const s = q.toString();
  return `sidepanel.html${s ? `?${s}` : ''}`;
}

/** The side panel's page in a normal tab, where no panel can be opened. */
export async function openPanelPageInTab(target: PanelTarget): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/${sidePanelPath(target)}` as '/sidepanel.html') });
}

interface ChromeSidePanel {
  setOptions(o: { path?: string; enabled?: boolean }): Promise<void>;
  open(o: { windowId: number } | { tabId: number }): Promise<void>;
}
interface FirefoxSidebar {
  setPanel(o: { panel: string }): Promise<void>;
  open(): Promise<void>;
}

/**
 * Opens the panel on `target` (or on the current tab's contractor). Resolves 'panel' when it
 * opened; otherwise, with `fallback: 'tab'`, the same page opens in a tab ('tab'), or nothing
 * happens ('none'). Never throws.
 */
export function openSidePanel(target: PanelTarget, place: PanelPlace, fallback: 'tab' | 'none' = 'tab'): Promise<'panel' | 'tab' | 'none'> {
  const path = sidePanelPath(target);
  const aimed = target.projectId !== undefined || target.newProject === true || target.contractorKey !== undefined;
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  const message: ShowProjectMessage = {
    event: SHOW_PROJECT_EVENT,
    ...(target.projectId ? { projectId: target.projectId } : {}),
    ...(target.contractorKey ? { contractorKey: target.contractorKey } : {}),
  };
  const opened = () => {
    if (aimed) void browser.runtime.sendMessage(message).catch(() => undefined);
    return 'panel' as const;
  };
  const notOpened = async () => {
    if (fallback === 'none') return 'none' as const;
    await openPanelPageInTab(target);
    return 'tab' as const;
  };
  try {
    const chromeAt = place.windowId !== undefined ? { windowId: place.windowId } : place.tabId != null ? { tabId: place.tabId } : null;
    if (api.sidePanel?.open && chromeAt) {
      if (aimed) void api.sidePanel.setOptions({ path }).catch(() => undefined);
      return api.sidePanel.open(chromeAt).then(opened, notOpened);
    }
    if (api.sidebarAction?.open) {
      if (aimed) void api.sidebarAction.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html') }).catch(() => undefined);
      return api.sidebarAction.open().then(opened, notOpened);
    }
  } catch {
    // An API that throws synchronously (no user gesture, policy) falls back.
  }
  return notOpened().catch(() => 'none' as const);
}

/** Tells an open panel to show a project (one created after the panel was opened). */
export async function showProjectInPanel(projectId: string): Promise<void> {
  const show: ShowProjectMessage = { event: SHOW_PROJECT_EVENT, projectId };
  await browser.runtime.sendMessage(show).catch(() => undefined);
}
