import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openSidePanel, sidePanelPath } from '../../../lib/messaging/side-panel';

type Api = { sidePanel?: unknown; sidebarAction?: unknown };

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  delete (browser as unknown as Api).sidePanel;
  delete (browser as unknown as Api).sidebarAction;
});

describe('sidePanelPath', () => {
  it('puts the project or the new-project form in the query', () => {
    expect(sidePanelPath({})).toBe('sidepanel.html');
    expect(sidePanelPath({ projectId: 'p 1' })).toBe('sidepanel.html?project=p+1');
    expect(sidePanelPath({ newProject: true, contractorKey: 'upwork:~01abc' })).toBe('sidepanel.html?new=1&contractor=upwork%3A%7E01abc');
  });
});

describe('openSidePanel', () => {
  it('opens the Firefox sidebar on the project without awaiting anything first', async () => {
    const setPanel = vi.fn().mockResolvedValue(undefined);
    const open = vi.fn().mockResolvedValue(undefined);
    (browser as unknown as Api).sidebarAction = { setPanel, open };
    const result = openSidePanel({ projectId: 'p1' }, {});
    expect(open).toHaveBeenCalledTimes(1);
    expect(setPanel.mock.calls[0]![0].panel).toMatch(/\/sidepanel\.html\?project=p1$/);
    expect(await result).toBe('panel');
  });

  it('falls back to a tab when the panel refuses to open', async () => {
    (browser as unknown as Api).sidePanel = {
      setOptions: vi.fn().mockResolvedValue(undefined),
      open: vi.fn().mockRejectedValue(new Error('no user gesture')),
    };
    const create = vi.spyOn(browser.tabs, 'create');
    expect(await openSidePanel({ projectId: 'p1' }, { windowId: 3 })).toBe('tab');
    expect(String(create.mock.calls[0]![0].url)).toMatch(/sidepanel\.html\?project=p1$/);
  });

  it("opens Chrome's panel on the tab when no window is known, and tells nothing without a target", async () => {
    const open = vi.fn().mockResolvedValue(undefined);
    const setOptions = vi.fn().mockResolvedValue(undefined);
    (browser as unknown as Api).sidePanel = { setOptions, open };
    const send = vi.spyOn(browser.runtime, 'sendMessage');
    expect(await openSidePanel({}, { tabId: 7 }, 'none')).toBe('panel');
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    // The panel follows the tab: its page is left as it is, and no project is named.
    expect(setOptions).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('does nothing when no panel opens and no tab is wanted', async () => {
    const create = vi.spyOn(browser.tabs, 'create');
    expect(await openSidePanel({ projectId: 'p1' }, { tabId: 7 }, 'none')).toBe('none');
    expect(create).not.toHaveBeenCalled();
  });
});
