import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverlayApp } from '../../../components/overlay/OverlayApp';
import { isToggleCommand, keyFromHash, LAYOUT_MESSAGE, postLayout } from '../../../components/overlay/frame';
import { answer, callsOf, emitChange, fail, resetFakeClient, UNREACHABLE } from './fake-client';
import { contractor, note, settings, view } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const posted: unknown[] = [];
const fakeParent = { postMessage: (message: unknown) => posted.push(message) } as unknown as Window;

beforeEach(() => {
  fakeBrowser.reset();
  resetFakeClient();
  posted.length = 0;
  vi.spyOn(window, 'parent', 'get').mockReturnValue(fakeParent);
  location.hash = `#key=${encodeURIComponent('upwork:~01abc')}`;
  answer('getTabContext', () => ({ tabId: 7, key: null, site: null, url: null }));
  answer('getSettings', () => settings({ overlayOpen: false }));
  answer('updateSettings', (p) => settings(p.patch));
  answer('getContractor', ({ key }) => (key === 'upwork:~01abc' ? view() : view({ contractor: contractor({ key, name: 'Other Person' }) })));
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

describe('frame contract helpers', () => {
  it('reads the key from the hash', () => {
    expect(keyFromHash(`#key=${encodeURIComponent('fiverr:a+b/c')}`)).toBe('fiverr:a+b/c');
    expect(keyFromHash('')).toBeNull();
    expect(keyFromHash('#key=')).toBeNull();
  });

  it('accepts a toggle command only from the embedding window', () => {
    const win = { parent: fakeParent } as unknown as Window;
    const data = { type: 'vetted:overlay-command', command: 'toggle' };
    expect(isToggleCommand(new MessageEvent('message', { data, source: fakeParent as never }), win)).toBe(true);
    expect(isToggleCommand(new MessageEvent('message', { data, source: window as never }), win)).toBe(false);
    expect(isToggleCommand(new MessageEvent('message', { data: { type: 'other' }, source: fakeParent as never }), win)).toBe(false);
  });

  it('posts nothing when not framed', () => {
    const self = { postMessage: vi.fn() } as unknown as Window & { parent: Window };
    (self as { parent: Window }).parent = self;
    postLayout(true, self);
    expect(self.postMessage).not.toHaveBeenCalled();
  });
});

describe('OverlayApp', () => {
  it('starts the way settings remember it, posts the layout, and toggles both ways', async () => {
    render(<OverlayApp />);
    const tab = await screen.findByRole('button', { name: /^Open Vetted, Prospect, 0\/12 vetted \(0 of 12\)/ });
    await waitFor(() => expect(posted).toEqual([{ type: LAYOUT_MESSAGE, open: false }]));

    fireEvent.click(tab);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await waitFor(() => expect(posted.at(-1)).toEqual({ type: LAYOUT_MESSAGE, open: true }));
    expect(callsOf('updateSettings')).toEqual([{ patch: { overlayOpen: true } }]);
    const collapse = screen.getByRole('button', { name: 'Collapse Vetted' });
    expect(collapse.getAttribute('data-testid')).toBe('overlay-toggle');
    expect(document.activeElement).toBe(collapse);

    fireEvent.click(collapse);
    await screen.findByRole('button', { name: /^Open Vetted/ });
    await waitFor(() => expect(posted).toHaveLength(3));
    expect(posted.at(-1)).toEqual({ type: LAYOUT_MESSAGE, open: false });
    // layout only: nothing about the contractor goes to the page
    expect(JSON.stringify(posted)).not.toContain('Ada');
  });

  it('toggles on the keyboard-shortcut command from the parent, not from others', async () => {
    render(<OverlayApp />);
    await screen.findByRole('button', { name: /^Open Vetted/ });
    const data = { type: 'vetted:overlay-command', command: 'toggle' };
    await act(() => {
      window.dispatchEvent(new MessageEvent('message', { data, source: window as never }));
    });
    expect(screen.queryByRole('button', { name: 'Collapse Vetted' })).toBeNull();
    await act(() => {
      window.dispatchEvent(new MessageEvent('message', { data, source: fakeParent as never }));
    });
    expect(await screen.findByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
  });

  it('follows client-side navigation through the hash', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    render(<OverlayApp />);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await act(async () => {
      location.hash = `#key=${encodeURIComponent('fiverr:other')}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await screen.findByRole('heading', { level: 1, name: 'Other Person' });
    expect(callsOf('getContractor').at(-1)).toEqual({ key: 'fiverr:other' });
  });

  it('asks the background for the tab’s contractor when the hash has none', async () => {
    location.hash = '';
    answer('getSettings', () => settings({ overlayOpen: true }));
    answer('getTabContext', () => ({ tabId: 3, key: 'fiverr:other', site: 'fiverr', url: 'https://www.fiverr.com/other' }));
    render(<OverlayApp />);
    await screen.findByRole('heading', { level: 1, name: 'Other Person' });
  });

  it('shows a change made elsewhere without reload', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    render(<OverlayApp />);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    answer('getContractor', () => view({ notes: [note({ body: 'Written in the side panel' })] }));
    await act(() => emitChange({ tables: ['notes'], contractorKeys: ['upwork:~01abc'] }));
    expect(await screen.findByText('Written in the side panel')).toBeTruthy();
  });

  it('explains how to reconnect when the background is unreachable', async () => {
    resetFakeClient(); // no handler answers: like an extension updated under the page
    render(<OverlayApp />);
    const tab = await screen.findByRole('button', { name: 'Open Vetted, Vetted is disconnected, offline' });
    fireEvent.click(tab);
    expect(await screen.findByRole('heading', { name: 'Reload the page to reconnect Vetted' })).toBeTruthy();
    answer('getSettings', () => settings());
    answer('getContractor', () => view());
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy());
  });

  it('keeps showing what it has and asks for a reload when the background goes away later', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    render(<OverlayApp />);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    fail('getContractor', UNREACHABLE);
    await act(() => emitChange({ tables: ['notes'] }));
    expect((await screen.findByRole('alert')).textContent).toContain('Reload the page to reconnect Vetted');
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
  });
});
