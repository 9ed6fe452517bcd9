/**
 * The popup's "Track this page": offered on an ordinary web page, hidden on marketplaces and when
 * the popup is open in a tab of its own, explained on pages Vetted can't read; the side panel is
 * opened inside the click (user gesture), before the background has answered. On the real
 * background: only the browser's tabs and scripting APIs (which fakeBrowser has no real tab for)
 * are stubbed; what the page yields is what the router reads, stores and answers.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TrackThisPage } from '../../../components/popup/TrackThisPage';
import { CANNOT_READ_MESSAGE, NOTHING_READABLE_MESSAGE } from '../../../lib/background/tab-reader';
import { realBackground, senders, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });

const panel = vi.hoisted(() => ({ openSidePanel: vi.fn() }));
vi.mock('../../../lib/messaging/side-panel', () => ({ openSidePanel: panel.openSidePanel }));

const TAB = 31;
const close = vi.fn();
let bg: RealBackground;

const PROFILE = {
  key: 'generic:jane.example',
  site: 'generic',
  siteId: 'jane.example',
  name: 'Jane Doe — Illustrator',
  profileUrl: 'https://jane.example/',
} as const;

function activeTab(id = TAB, own?: number) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id, active: true } as never]);
  return vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue((own === undefined ? undefined : { id: own }) as never);
}

/** The tab's page: its address for getTrackable's one-liner, `read()` for the page reader trackPage injects. */
function page(href: string | Error, read: () => Promise<unknown> = async () => PROFILE) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: { files?: string[] }) => {
    if (injection.files) return [{ frameId: 0, result: await read() }];
    if (href instanceof Error) throw href;
    return [{ frameId: 0, result: href }];
  }) as never);
}

const asked = () => bg.sent.map((r) => [r.type, r.payload]);
/** Lets the popup's pending work (the tab look-up and its reply) run out. */
const idle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => undefined);
  await bg.settled();
};

beforeEach(() => {
  bg = realBackground(senders.popup);
  panel.openSidePanel.mockReset().mockResolvedValue('panel');
  close.mockReset();
  vi.spyOn(window, 'close').mockImplementation(close);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Track this page (popup)', () => {
  it('offers tracking on an ordinary web page, asking the background about the active tab', async () => {
    activeTab();
    const exec = page('https://jane.example/');
    render(<TrackThisPage windowId={2} />);
    expect(await screen.findByRole('button', { name: 'Track this page' })).toBeTruthy();
    expect(asked()).toEqual([['getTrackable', { tabId: TAB }]]);
    expect(exec.mock.calls[0]![0].target).toEqual({ tabId: TAB });
    expect(await bg.db.contractors.count()).toBe(0);
  });

  it('opens the side panel within the click, tracks the tab, then closes the popup', async () => {
    activeTab();
    let finish!: () => void;
    page('https://jane.example/', () => new Promise((r) => (finish = () => r(PROFILE))));
    render(<TrackThisPage windowId={2} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Track this page' }));
    // Synchronously in the click, before the background answered: the gesture is still there.
    expect(panel.openSidePanel).toHaveBeenCalledWith({}, { windowId: 2 });
    await waitFor(() => expect(asked().at(-1)).toEqual(['trackPage', { tabId: TAB }]));
    const busy = screen.getByRole('button', { name: 'Tracking…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(close).not.toHaveBeenCalled();
    await waitFor(() => expect(finish).toBeTypeOf('function'));
    finish();
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    await bg.settled();
    expect(await bg.db.contractors.get(PROFILE.key)).toMatchObject({ key: PROFILE.key, name: PROFILE.name });
    expect(await bg.tabs.get(TAB)).toMatchObject({ key: PROFILE.key });
  });

  it('keeps the popup open with the background’s message when the page turns out unreadable', async () => {
    activeTab();
    page('https://jane.example/', async () => undefined);
    render(<TrackThisPage windowId={2} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Track this page' }));
    expect((await screen.findByRole('alert')).textContent).toBe(NOTHING_READABLE_MESSAGE);
    expect((screen.getByRole('button', { name: 'Track this page' }) as HTMLButtonElement).disabled).toBe(false);
    expect(close).not.toHaveBeenCalled();
    expect(asked().map(([t]) => t)).toEqual(['getTrackable', 'trackPage']);
    expect(await bg.db.contractors.count()).toBe(0);
  });

  it('explains a page Vetted can’t read, with no button', async () => {
    activeTab();
    page(new Error('Cannot access a chrome:// URL'));
    render(<TrackThisPage />);
    expect(await screen.findByText('Can’t track this page')).toBeTruthy();
    expect(screen.getByText(CANNOT_READ_MESSAGE)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(asked()).toEqual([['getTrackable', { tabId: TAB }]]);
  });

  it('offers nothing on a marketplace page, where the overlay does the job', async () => {
    activeTab();
    page('https://www.upwork.com/nx/search/talent/?q=react');
    const { container } = render(<TrackThisPage />);
    await waitFor(() => expect(asked()).toEqual([['getTrackable', { tabId: TAB }]]));
    await idle();
    expect(container.innerHTML).toBe('');
  });

  it('offers nothing when the popup is itself the active tab', async () => {
    const own = activeTab(TAB, TAB);
    const exec = page('https://jane.example/');
    const { container } = render(<TrackThisPage />);
    await waitFor(() => expect(own).toHaveBeenCalled());
    await idle();
    expect(asked()).toEqual([]);
    expect(exec).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe('');
  });

  it('stays out of the way when the background can’t be asked', async () => {
    activeTab();
    const exec = page('https://jane.example/');
    bg.setUnreachable(true);
    const { container } = render(<TrackThisPage />);
    await waitFor(() => expect(asked()).toHaveLength(1));
    await idle();
    expect(exec).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe('');
  });
});
