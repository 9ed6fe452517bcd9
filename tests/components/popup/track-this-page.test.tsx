/**
 * The popup's "Track this page": offered on an ordinary web page, hidden on marketplaces and when
 * the popup is open in a tab of its own, explained on pages Vetted can't read; the side panel is
 * opened inside the click (user gesture), before the background has answered.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TrackThisPage } from '../../../components/popup/TrackThisPage';
import type { TrackableCheck } from '../../../lib/messaging/protocol';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));
const panel = vi.hoisted(() => ({ openSidePanel: vi.fn() }));
vi.mock('../../../lib/messaging/side-panel', () => ({ openSidePanel: panel.openSidePanel }));

const TAB = 31;
const close = vi.fn();

function activeTab(id = TAB, own?: number) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id, active: true } as never]);
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue((own === undefined ? undefined : { id: own }) as never);
}

function answer(check: TrackableCheck, track: () => Promise<unknown> = async () => ({ key: 'generic:jane.example' })) {
  client.send.mockImplementation(async (type: string) => {
    if (type === 'getTrackable') return check;
    if (type === 'trackPage') return track();
    throw new Error(`unexpected request ${type}`);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
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
    answer({ state: 'ready' });
    render(<TrackThisPage windowId={2} />);
    expect(await screen.findByRole('button', { name: 'Track this page' })).toBeTruthy();
    expect(client.send).toHaveBeenCalledWith('getTrackable', { tabId: TAB });
  });

  it('opens the side panel within the click, tracks the tab, then closes the popup', async () => {
    activeTab();
    let finish!: () => void;
    answer({ state: 'ready' }, () => new Promise((r) => (finish = () => r({ key: 'generic:jane.example' }))));
    render(<TrackThisPage windowId={2} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Track this page' }));
    // Synchronously in the click, before the background answered: the gesture is still there.
    expect(panel.openSidePanel).toHaveBeenCalledWith({}, { windowId: 2 });
    expect(client.send).toHaveBeenLastCalledWith('trackPage', { tabId: TAB });
    const busy = screen.getByRole('button', { name: 'Tracking…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(close).not.toHaveBeenCalled();
    finish();
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
  });

  it('keeps the popup open with the background’s message when the page turns out unreadable', async () => {
    activeTab();
    answer({ state: 'ready' }, async () => {
      throw new Error('Vetted found nothing to read on this page.');
    });
    render(<TrackThisPage windowId={2} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Track this page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vetted found nothing to read on this page.');
    expect((screen.getByRole('button', { name: 'Track this page' }) as HTMLButtonElement).disabled).toBe(false);
    expect(close).not.toHaveBeenCalled();
  });

  it('explains a page Vetted can’t read, with no button', async () => {
    activeTab();
    const message = 'Vetted can’t read this page: browser pages are off limits.';
    answer({ state: 'unavailable', message });
    render(<TrackThisPage />);
    expect(await screen.findByText('Can’t track this page')).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers nothing on a marketplace page, where the overlay does the job', async () => {
    activeTab();
    answer({ state: 'marketplace' });
    const { container } = render(<TrackThisPage />);
    await waitFor(() => expect(client.send).toHaveBeenCalledWith('getTrackable', { tabId: TAB }));
    await new Promise((r) => setTimeout(r, 10));
    expect(container.innerHTML).toBe('');
  });

  it('offers nothing when the popup is itself the active tab', async () => {
    activeTab(TAB, TAB);
    answer({ state: 'ready' });
    const { container } = render(<TrackThisPage />);
    await new Promise((r) => setTimeout(r, 20));
    expect(client.send).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe('');
  });

  it('stays out of the way when the background can’t be asked', async () => {
    activeTab();
    client.send.mockRejectedValue(new Error('Could not establish connection.'));
    const { container } = render(<TrackThisPage />);
    await waitFor(() => expect(client.send).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(container.innerHTML).toBe('');
  });
});
