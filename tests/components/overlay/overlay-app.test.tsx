import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverlayApp } from '../../../components/overlay/OverlayApp';
import { bindNonce, BIND_MESSAGE, OVERLAY_EVENT, overlayEventFor } from '../../../components/overlay/frame';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { HARNESS_NONCE } from '../../unit/background/harness';

const KEY = 'upwork:~01abc';
const OTHER = 'fiverr:other';
const fakeParent = { postMessage: () => undefined } as unknown as Window;
// The nonce the harness binds the overlay frame of a tab with (tests/unit/background/harness.ts).
const NONCE = HARNESS_NONCE;
/** The content script of tab 7 (its top frame). */
const contentTop = () => ({ ...senders.content(), frameId: 0 });
let bg: RealBackground;

/** The content script hands the frame its nonce (from the embedding window). */
async function bind(nonce = NONCE, source: unknown = fakeParent) {
  await act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: BIND_MESSAGE, nonce }, source: source as never }));
  });
}
async function renderBound() {
  const r = render(<OverlayApp />);
  await bind();
  return r;
}
const sentOf = (type: string) => bg.sent.filter((r) => r.type === type).map((r) => r.payload);

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  vi.spyOn(window, 'parent', 'get').mockReturnValue(fakeParent);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  await bg.ok(
    'reportPage',
    {
      site: 'fiverr',
      profile: snapshot({ key: OTHER, site: 'fiverr', siteId: 'other', name: 'Other Person', profileUrl: 'https://www.fiverr.com/other' }),
    },
    senders.content('https://www.fiverr.com/other', 8),
  );
  // The content script of tab 7 binds its frame to the contractor its page shows.
  await bg.ok('bindOverlay', { nonce: NONCE, key: KEY }, contentTop());
  bg.sent.length = 0;
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

const layouts = () => sentOf('overlayLayout');

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
    // The guess went to the background and was refused; nothing else was asked.
    expect(bg.sent.map((r) => r.type)).toEqual(['claimOverlay']);
    expect(sentOf('claimOverlay')).toEqual([{ nonce: 'g'.repeat(32) }]);
    expect(await bg.call('claimOverlay', { nonce: 'g'.repeat(32) }, senders.overlay())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('starts the way settings remember it, sends the layout through the background, and toggles both ways', async () => {
    await renderBound();
    const tab = await screen.findByRole('button', { name: /^Open Vetted, Prospect, 0\/12 vetted \(0 of 12\)/ });
    await waitFor(() => expect(layouts()).toEqual([{ open: false }]));

    fireEvent.click(tab);
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await waitFor(() => expect(layouts().at(-1)).toEqual({ open: true }));
    expect(sentOf('updateSettings')).toEqual([{ patch: { overlayOpen: true } }]);
    await waitFor(async () => expect((await bg.ok('getSettings', {})).overlayOpen).toBe(true));
    const collapse = screen.getByRole('button', { name: 'Collapse Vetted' });
    expect(collapse.getAttribute('data-testid')).toBe('overlay-toggle');
    expect(document.activeElement).toBe(collapse);

    fireEvent.click(collapse);
    await screen.findByRole('button', { name: /^Open Vetted/ });
    await waitFor(() => expect(layouts()).toHaveLength(3));
    expect(layouts().at(-1)).toEqual({ open: false });
    await waitFor(async () => expect((await bg.ok('getSettings', {})).overlayOpen).toBe(false));
  });

  it('toggles on the shortcut the background addresses to it, not on anything posted', async () => {
    await renderBound();
    await screen.findByRole('button', { name: /^Open Vetted/ });
    await act(() => {
      window.dispatchEvent(
        new MessageEvent('message', { data: { type: 'vetted:overlay-command', command: 'toggle' }, source: fakeParent as never }),
      );
    });
    // A toggle addressed to another nonce (forged: the background never sends one) is ignored.
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger(
        { event: OVERLAY_EVENT, to: 'x'.repeat(32), kind: 'toggle' },
        { id: fakeBrowser.runtime.id },
      );
    });
    expect(screen.queryByRole('button', { name: 'Collapse Vetted' })).toBeNull();
    // The shortcut: the content script asks the background, which tells the bound frame.
    await act(async () => {
      await bg.ok('toggleOverlay', {}, contentTop());
    });
    expect(await screen.findByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
  });

  it('follows client-side navigation when the background says so, never its own URL', async () => {
    await bg.ok('updateSettings', { patch: { overlayOpen: true } }, senders.sidepanel());
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    await act(async () => {
      location.hash = `#key=${encodeURIComponent('fiverr:evil')}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(sentOf('getContractor').some((c) => JSON.stringify(c).includes('evil'))).toBe(false);
    // The page navigated client-side: the content script rebinds its frame to what the page now shows.
    await act(async () => {
      await bg.ok('bindOverlay', { nonce: NONCE, key: OTHER }, contentTop());
    });
    await screen.findByRole('heading', { level: 1, name: 'Other Person' });
    expect(sentOf('getContractor').at(-1)).toEqual({ key: OTHER });
    expect(sentOf('getContractor').some((c) => JSON.stringify(c).includes('evil'))).toBe(false);
  });

  it('shows a change made elsewhere without reload', async () => {
    await bg.ok('updateSettings', { patch: { overlayOpen: true } }, senders.sidepanel());
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.queryByText('Written in the side panel')).toBeNull();
    await act(async () => {
      await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Written in the side panel' }, senders.sidepanel());
    });
    expect(await screen.findByText('Written in the side panel')).toBeTruthy();
    expect((await bg.db.notes.where('contractorKey').equals(KEY).toArray()).map((n) => n.body)).toEqual(['Written in the side panel']);
    expect(sentOf('saveNote')).toEqual([]); // the overlay itself wrote nothing
  });

  it('explains how to reconnect when the background is unreachable', async () => {
    bg.setUnreachable(true); // no background answers: like an extension updated under the page
    await renderBound();
    const tab = await screen.findByRole('button', { name: 'Open Vetted, Vetted is disconnected, offline' });
    fireEvent.click(tab);
    expect(await screen.findByRole('heading', { name: 'Reload the page to reconnect Vetted' })).toBeTruthy();
    const claimsBefore = sentOf('claimOverlay').length;
    expect(claimsBefore).toBeGreaterThan(0);
    bg.setUnreachable(false);
    // "Try again" claims the nonce it was given once more.
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy());
    expect(sentOf('claimOverlay').slice(claimsBefore)).toEqual([{ nonce: NONCE }]);
  });

  it('keeps showing what it has and asks for a reload when the background goes away later', async () => {
    await bg.ok('updateSettings', { patch: { overlayOpen: true } }, senders.sidepanel());
    await renderBound();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    bg.setUnreachable(true);
    const asked = sentOf('getContractor').length;
    // A note written elsewhere: the change still reaches the frame, its re-read finds no background
    // (the lists section, which re-reads too, says so in its own alert).
    await act(async () => {
      await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Later note' }, senders.sidepanel());
    });
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContainEqual(
        expect.stringContaining('Reload the page to reconnect Vetted'),
      ),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    expect(sentOf('getContractor').length).toBeGreaterThan(asked);
  });
});
