/**
 * The background halves of content features: the keyboard shortcut forwarded to the tab's top
 * frame, and "Track this page as a contractor" (context menu → scripting → router).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { forwardToggle, registerCommands, TOGGLE_OVERLAY_COMMAND } from '../../../lib/background/commands';
import { registerTrackPage, TRACK_MENU_ID, TRACK_SCRIPT } from '../../../lib/background/track-page';
import type { Router } from '../../../lib/background/router';
import { TabContexts } from '../../../lib/background/tab-contexts';

const SNAPSHOT = {
  key: 'generic:jane.example/portfolio',
  site: 'generic',
  siteId: 'jane.example/portfolio',
  name: 'Jane Doe — Illustrator',
  profileUrl: 'https://jane.example/portfolio',
};

type MenuClick = (info: { menuItemId: string | number }, tab?: { id?: number }) => void;

function stubMenus() {
  const created: unknown[] = [];
  let onClicked: MenuClick | undefined;
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: unknown) => {
    created.push(props);
    return TRACK_MENU_ID;
  }) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((cb: MenuClick) => {
    onClicked = cb;
  }) as never);
  return {
    created,
    click: (info: { menuItemId: string }, tab?: { id?: number }) => onClicked!(info, tab),
  };
}

function recordingRouter(reply: unknown = { ok: true, data: {} }) {
  const calls: { message: unknown; sender: { id?: string; url?: string } }[] = [];
  const router = ((message: unknown, sender: { id?: string; url?: string }) => {
    calls.push({ message, sender });
    return Promise.resolve(reply);
  }) as unknown as Router;
  return { router, calls };
}

describe('keyboard shortcut', () => {
  beforeEach(() => fakeBrowser.reset());

  it('forwards the command to the top frame of the tab it came from', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await forwardToggle({ id: 7 })).toBe(true);
    expect(sent).toHaveBeenCalledWith(7, { type: 'vetted:toggle-overlay' }, { frameId: 0 });
  });

  it('says false, without throwing, on a tab with no content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await forwardToggle({ id: 3 })).toBe(false);
  });

  it('listens for its own command only', async () => {
    let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((cb: typeof listener) => (listener = cb)) as never);
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    registerCommands();
    listener!('something-else', { id: 1 });
    listener!(TOGGLE_OVERLAY_COMMAND, { id: 2 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent.mock.calls[0]![0]).toBe(2);
  });
});

describe('Track this page as a contractor', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds one page context-menu item', async () => {
    const menus = stubMenus();
    registerTrackPage(recordingRouter().router, new TabContexts());
    await vi.waitFor(() => expect(menus.created).toHaveLength(1));
    expect(menus.created[0]).toEqual({ id: TRACK_MENU_ID, title: 'Track this page as a contractor', contexts: ['page'] });
  });

  it('reads the clicked tab on demand and tracks the contractor through the router as the extension itself', async () => {
    const menus = stubMenus();
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: SNAPSHOT }] as never);
    const { router, calls } = recordingRouter();
    const tabs = new TabContexts();
    registerTrackPage(router, tabs);
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 12 });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 12 }, files: [TRACK_SCRIPT] });
    expect(calls[0]!.message).toEqual({ type: 'trackContractor', payload: { profile: SNAPSHOT } });
    expect(calls[0]!.sender.id).toBe(browser.runtime.id);
    expect(calls[0]!.sender.url?.startsWith(browser.runtime.getURL('/'))).toBe(true);
    await vi.waitFor(async () => expect(await tabs.get(12)).toEqual({ key: SNAPSHOT.key, site: 'generic', url: SNAPSHOT.profileUrl }));
  });

  it('tracks nothing and tells the user when the page cannot be read', async () => {
    const menus = stubMenus();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const notify = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('n1');
    const { router, calls } = recordingRouter();
    registerTrackPage(router, new TabContexts());
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 5 });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(calls).toEqual([]);
    expect(JSON.stringify(notify.mock.calls[0])).toMatch(/could not read this page/i);
  });

  it('rejects a malformed reading instead of storing it', async () => {
    const menus = stubMenus();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: { key: 'no spaces allowed here' } }] as never);
    vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('n1');
    const { router, calls } = recordingRouter();
    registerTrackPage(router, new TabContexts());
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
  });

  it('ignores clicks on other menu items', async () => {
    const menus = stubMenus();
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    registerTrackPage(recordingRouter().router, new TabContexts());
    menus.click({ menuItemId: 'someone-else' }, { id: 5 });
    await new Promise((r) => setTimeout(r, 20));
    expect(exec).not.toHaveBeenCalled();
  });
});
