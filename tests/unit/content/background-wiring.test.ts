/**
 * The background halves of content features: the keyboard shortcut forwarded to the tab's top
 * frame, and "Track this page as a contractor" (context menu → the router's trackPage, on a real
 * database; only the browser's menus, scripting and notifications are stubbed).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardToggle, registerCommands, TOGGLE_OVERLAY_COMMAND } from '../../../lib/background/commands';
import { registerTrackMenu, TRACK_MENU_ID } from '../../../lib/background/track-menu';
import { READER_SCRIPT } from '../../../lib/background/tab-reader';
import { CHANGE_EVENT, TAB_CONTEXT_EVENT } from '../../../lib/messaging/protocol';
import { makeHarness } from '../background/harness';

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
  // makeHarness resets fakeBrowser: the menus are stubbed after it.
  let h: ReturnType<typeof makeHarness>;
  beforeEach(() => {
    h = makeHarness();
  });

  it('adds one page context-menu item', async () => {
    const menus = stubMenus();
    registerTrackMenu(h.router);
    await vi.waitFor(() => expect(menus.created).toHaveLength(1));
    expect(menus.created[0]).toEqual({ id: TRACK_MENU_ID, title: 'Track this page as a contractor', contexts: ['page'] });
  });

  it('reads the clicked tab on demand, tracks the contractor through trackPage and points the tab at them', async () => {
    const menus = stubMenus();
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: SNAPSHOT }] as never);
    registerTrackMenu(h.router);
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 12 });
    await vi.waitFor(async () => expect(await h.tabs.get(12)).toEqual({ key: SNAPSHOT.key, site: 'generic', url: SNAPSHOT.profileUrl }));
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 12 }, files: [READER_SCRIPT] });
    expect((await h.db.contractors.get(SNAPSHOT.key))?.name).toBe(SNAPSHOT.name);
    // The same broadcasts as the popup's button: the write, and the tab's new contractor.
    await vi.waitFor(() => expect(h.events.map((e) => e.event.event)).toEqual([CHANGE_EVENT, TAB_CONTEXT_EVENT]));
  });

  it('tracks nothing and tells the user when the page cannot be read', async () => {
    const menus = stubMenus();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    const notify = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('n1');
    registerTrackMenu(h.router);
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 5 });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(await h.counts()).toMatchObject({ contractors: 0 });
    expect(JSON.stringify(notify.mock.calls[0])).toMatch(/could not read this page/i);
  });

  it('rejects a malformed reading instead of storing it, and says so', async () => {
    const menus = stubMenus();
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([
      { frameId: 0, result: { key: 'no spaces allowed here' } },
    ] as never);
    const notify = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('n1');
    registerTrackMenu(h.router);
    menus.click({ menuItemId: TRACK_MENU_ID }, { id: 5 });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(await h.counts()).toMatchObject({ contractors: 0 });
    expect(h.events).toEqual([]);
  });

  it('ignores clicks on other menu items', async () => {
    const menus = stubMenus();
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    registerTrackMenu(h.router);
    await vi.waitFor(() => expect(menus.created).toHaveLength(1));
    menus.click({ menuItemId: 'someone-else' }, { id: 5 });
    expect(exec).not.toHaveBeenCalled();
  });
});
