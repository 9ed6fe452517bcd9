import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverlayApp } from '../../../components/overlay/OverlayApp';
import { bindNonce, BIND_MESSAGE, OVERLAY_EVENT, overlayEventFor } from '../../../components/overlay/frame';
import { answer, callsOf, emitChange, fail, resetFakeClient, UNREACHABLE } from './fake-client';
import { contractor, note, settings, view } from './data';
import { VettedError } from './fake-client';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const fakeParent = { postMessage: () => undefined } as unknown as Window;
const NONCE = 'n'.repeat(32);
/** What the background says the tab shows; the frame's URL says nothing (issue 12). */
let tabKey: string | null = 'upwork:~01abc';

/** The content script hands the frame its nonce (from the embedding window). */
async function bind(nonce = NONCE, source: unknown = fakeParent) {
  await act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: BIND_MESSAGE, nonce }, source: source as never }));
  });
}
/** The background tells the bound frame something (runtime messaging). */
async function tell(message: Record<string, unknown>, to = NONCE) {
  await act(async () => {
    await fakeBrowser.runtime.onMessage.trigger({ event: OVERLAY_EVENT, to, ...message }, { id: fakeBrowser.runtime.id });
  });
}
async function renderBound() {
  const r = render(<OverlayApp />);
  await bind();
  return r;
}

beforeEach(() => {
  fakeBrowser.reset();
  resetFakeClient();
  tabKey = 'upwork:~01abc';
  vi.spyOn(window, 'parent', 'get').mockReturnValue(fakeParent);
  answer('claimOverlay', ({ nonce }) => {
    if (nonce !== NONCE) throw new VettedError('This Vetted panel was not opened by Vetted on this page', 'forbidden');
    return { tabId: 7, key: tabKey };
  });
  answer('overlayLayout', () => ({ ok: true }));
  answer('getSettings', () => settings({ overlayOpen: false }));
  answer('updateSettings', (p) => settings(p.patch));
  answer('getContractor', ({ key }) =>
    key === 'upwork:~01abc' ? view() : view({ contractor: contractor({ key, name: 'Other Person' }) }),
  );
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

const layouts = () => callsOf('overlayLayout');

describe('frame contract helpers', () => {
  it('takes a bind nonce only from the embedding window, and only well-formed', () => {
    const win = { parent: fakeParent } as unknown as Window;
    const ev = (data: unknown, source: unknown) => new MessageEvent('message', { data, source: source as never });
    expect(bindNonce(ev({ type: BIND_MESSAGE, nonce: NONCE }, fakeParent), win)).toBe(NONCE);
    expect(bindNonce(ev({ type: BIND_MESSAGE, nonce: NONCE }, window), win)).toBeNull();
    expect(bindNonce(ev({ type: BIND_MESSAGE, nonce: '<x>' }, fakeParent), win)).toBeNull();
    expect(bindNonce(ev({ type: 'vetted:overlay-command', command: 'toggle' }, fakeParent), win)).toBeNull();
  });

  it('hears the background only when addressed to its own nonce', () => {
    expect(overlayEventFor({ event: OVERLAY_EVENT, to: NONCE, kind: 'toggle' }, NONCE)?.kind).toBe('toggle');
    expect(overlayEventFor({ event: OVERLAY_EVENT, to: 'x'.repeat(32), kind: 'toggle' }, NONCE)).toBeNull();
    expect(overlayEventFor({ event: OVERLAY_EVENT, to: NONCE, kind: 'toggle' }, null)).toBeNull();
  });
});

describe('OverlayApp', () => {
  it('shows nothing and asks nothing until the content script’s nonce is claimed (a page-made frame)', async () => {
    location.hash = `#key=${encodeURIComponent('fiverr:other')}`;
    const { container } = render(<OverlayApp />);
    // The page posts guesses and the old command message: all ignored or refused.
    await bind('g'.repeat(32));
    await act(() => {
      window.dispatchEvent(
        new MessageEvent('message', { data: { type: 'vetted:overlay-command', command: 'toggle' }, source: fakeParent as never }),
      );
    });
    expect(container.innerHTML).toBe('');
    expect(callsOf('getContractor')).toEqual([]);
    expect(callsOf('getSettings')).toEqual([]);
    expect(callsOf('updateSettings')).toEqual([]);
  });

  it('starts the way settings remember it, sends the layout through the background, and toggles both ways', async () => {
    await renderBound();
    const tab = await screen.findByRole('button', { name: /^Open Vetted, Prospect, 0\/12 vetted \(0 of 12\)/ });
    await waitFor(() => expect(layouts()).toEqual([{ open: false }]));

    fireEvent.click(tab);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await waitFor(() => expect(layouts().at(-1)).toEqual({ open: true }));
    expect(callsOf('updateSettings')).toEqual([{ patch: { overlayOpen: true } }]);
    const collapse = screen.getByRole('button', { name: 'Collapse Vetted' });
    expect(collapse.getAttribute('data-testid')).toBe('overlay-toggle');
    expect(document.activeElement).toBe(collapse);

    fireEvent.click(collapse);
    await screen.findByRole('button', { name: /^Open Vetted/ });
    await waitFor(() => expect(layouts()).toHaveLength(3));
    expect(layouts().at(-1)).toEqual({ open: false });
  });

  it('toggles on the shortcut the background addresses to it, not on anything posted', async () => {
    await renderBound();
    await screen.findByRole('button', { name: /^Open Vetted/ });
    await act(() => {
      window.dispatchEvent(
        new MessageEvent('message', { data: { type: 'vetted:overlay-command', command: 'toggle' }, source: fakeParent as never }),
      );
    });
    await tell({ kind: 'toggle' }, 'x'.repeat(32));
    expect(screen.queryByRole('button', { name: 'Collapse Vetted' })).toBeNull();
    await tell({ kind: 'toggle' });
    expect(await screen.findByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
  });

  it('follows client-side navigation when the background says so, never its own URL', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await act(async () => {
      location.hash = `#key=${encodeURIComponent('fiverr:evil')}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(callsOf('getContractor').some((c) => JSON.stringify(c).includes('evil'))).toBe(false);
    await tell({ kind: 'key', key: 'fiverr:other' });
    await screen.findByRole('heading', { level: 1, name: 'Other Person' });
    expect(callsOf('getContractor').at(-1)).toEqual({ key: 'fiverr:other' });
  });

  it('shows a change made elsewhere without reload', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    answer('getContractor', () => view({ notes: [note({ body: 'Written in the side panel' })] }));
    await act(() => emitChange({ tables: ['notes'], contractorKeys: ['upwork:~01abc'] }));
    expect(await screen.findByText('Written in the side panel')).toBeTruthy();
  });

  it('explains how to reconnect when the background is unreachable', async () => {
    resetFakeClient(); // no handler answers: like an extension updated under the page
    await renderBound();
    const tab = await screen.findByRole('button', { name: 'Open Vetted, Vetted is disconnected, offline' });
    fireEvent.click(tab);
    expect(await screen.findByRole('heading', { name: 'Reload the page to reconnect Vetted' })).toBeTruthy();
    answer('getSettings', () => settings());
    answer('getContractor', () => view());
    answer('claimOverlay', () => ({ tabId: 7, key: 'upwork:~01abc' }));
    answer('overlayLayout', () => ({ ok: true }));
    // "Try again" claims the nonce it was given once more.
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy());
  });

  it('keeps showing what it has and asks for a reload when the background goes away later', async () => {
    answer('getSettings', () => settings({ overlayOpen: true }));
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    fail('getContractor', UNREACHABLE);
    await act(() => emitChange({ tables: ['notes'] }));
    expect((await screen.findByRole('alert')).textContent).toContain('Reload the page to reconnect Vetted');
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
  });
});
