/**
 * Popup → side panel: "show this project" (or the new-project form). The side panel is opened
 * inside the click handler (a user gesture is required), then told what to show: by URL when it
 * opens fresh, by this message when it was already open.
 */
import { browser } from 'wxt/browser';
import { SHOW_PROJECT_EVENT } from '../../lib/messaging/events';

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

export function sidePanelPath(target: PanelTarget): string {
  const q = new URLSearchParams();
  if (target.projectId) q.set('project', target.projectId);
  if (target.newProject) q.set('new', '1');
  if (target.contractorKey) q.set('contractor', target.contractorKey);
  const s = q.toString();
  return `sidepanel.html${s ? `?${s}` : ''}`;
}

interface ChromeSidePanel {
  setOptions(o: { path?: string; enabled?: boolean }): Promise<void>;
  open(o: { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  setPanel(o: { panel: string }): Promise<void>;
  open(): Promise<void>;
}

/**
 * Opens the side panel (Chrome) or sidebar (Firefox) on a project. Must be called synchronously
 * from a click handler: both browsers refuse to open panels without a user gesture, so nothing is
 * awaited before open(). Falls back to a tab with the same page.
 */
export function openSidePanel(target: PanelTarget, windowId: number | undefined): Promise<'panel' | 'tab'> {
  const path = sidePanelPath(target);
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  const message: ShowProjectMessage = {
    event: SHOW_PROJECT_EVENT,
    ...(target.projectId ? { projectId: target.projectId } : {}),
    ...(target.contractorKey ? { contractorKey: target.contractorKey } : {}),
  };
  const tell = () => browser.runtime.sendMessage(message).catch(() => undefined);
  const inTab = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${path}` as '/sidepanel.html') });
    return 'tab' as const;
  };
  try {
    if (api.sidePanel && windowId !== undefined) {
      void api.sidePanel.setOptions({ path }).catch(() => undefined);
      return api.sidePanel.open({ windowId }).then(
        () => {
          void tell();
          return 'panel' as const;
        },
        () => inTab(),
      );
    }
    if (api.sidebarAction) {
      void api.sidebarAction.setPanel({ panel: browser.runtime.getURL(`/${path}` as '/sidepanel.html') }).catch(() => undefined);
      return api.sidebarAction.open().then(
        () => {
          void tell();
          return 'panel' as const;
        },
        () => inTab(),
      );
    }
  } catch {
    // fall through to a tab
  }
  return inTab();
}
