/**
 * Keyboard use in the overlay (issue 14): every opened editor takes focus, a closed one gives it
 * back to its opener, Esc closes the innermost thing — the overlay itself also when focus is on a
 * checkbox, radio or select.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverlayApp } from '../../../components/overlay/OverlayApp';
import { BIND_MESSAGE } from '../../../components/overlay/frame';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { HARNESS_NONCE } from '../../unit/background/harness';

const KEY = 'upwork:~01abc';
const fakeParent = { postMessage: () => undefined } as unknown as Window;
// The nonce the harness binds the overlay frame of a tab with (tests/unit/background/harness.ts).
const NONCE = HARNESS_NONCE;
let bg: RealBackground;

/** The frame learns its contractor from the background once the content script binds it (issue 12). */
async function renderOverlay() {
  const r = render(<OverlayApp />);
  await act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: BIND_MESSAGE, nonce: NONCE }, source: fakeParent as never }));
  });
  return r;
}

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  vi.spyOn(window, 'parent', 'get').mockReturnValue(fakeParent);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  // The content script of tab 7 binds its frame to the contractor its page shows.
  await bg.ok('bindOverlay', { nonce: NONCE, key: KEY }, { ...senders.content(), frameId: 0 });
  await bg.ok('updateSettings', { patch: { overlayOpen: true } }, senders.sidepanel());
  await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Old note' }, senders.sidepanel());
});
afterEach(() => {
  cleanup();
});

/** The overlay collapsed, and the background remembers it so (settings.overlayOpen). */
async function collapsed() {
  await screen.findByRole('button', { name: /^Open Vetted/ });
  await waitFor(async () => expect((await bg.ok('getSettings', {})).overlayOpen).toBe(false));
}
/** The overlay is still open, and still remembered so. */
async function stillOpen() {
  expect(screen.getByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
  expect(bg.sent.filter((r) => r.type === 'updateSettings')).toEqual([]);
  expect((await bg.ok('getSettings', {})).overlayOpen).toBe(true);
}
const row = (id: string) => screen.getAllByTestId('checklist-item').find((li) => li.getAttribute('data-item-id') === id)!;

describe('overlay keyboard', () => {
  it('a checklist item note editor takes focus; Esc closes only it and focus returns to its button', async () => {
    await renderOverlay();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    const button = within(row('interview-held')).getByRole('button', { name: 'Add a note to “Interview held”' });
    fireEvent.click(button);
    const textarea = within(row('interview-held')).getByLabelText('Note on “Interview held”');
    await waitFor(() => expect(document.activeElement).toBe(textarea));
    fireEvent.keyDown(textarea, { key: 'Escape' });
    await waitFor(() => expect(within(row('interview-held')).queryByLabelText('Note on “Interview held”')).toBeNull());
    expect(document.activeElement).toBe(button);
    await stillOpen();
    expect(bg.sent.filter((r) => r.type === 'setCheck')).toEqual([]);
    expect(await bg.db.checks.count()).toBe(0);
  });

  it('Esc on a checkbox collapses the overlay', async () => {
    await renderOverlay();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    const box = within(row('interview-held')).getByRole('checkbox');
    box.focus();
    fireEvent.keyDown(box, { key: 'Escape' });
    await collapsed();
  });

  it('Esc on a select collapses the overlay; Esc in a text field does not', async () => {
    await renderOverlay();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'Escape' });
    await stillOpen();
    fireEvent.keyDown(within(row('interview-held')).getByRole('combobox'), { key: 'Escape' });
    await collapsed();
  });

  it('after "Add note" focus stays in the note field', async () => {
    await renderOverlay();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    const input = screen.getByTestId('note-input') as HTMLTextAreaElement;
    input.focus();
    fireEvent.input(input, { target: { value: 'Sent the brief' } });
    const save = screen.getByTestId('note-save');
    save.focus(); // as after Tab to it (or a click): the button is disabled once the field empties
    fireEvent.click(save);
    await waitFor(() => expect(input.value).toBe(''));
    expect(document.activeElement).toBe(input);
    expect(bg.sent.filter((r) => r.type === 'saveNote').map((r) => (r.payload as { body: string }).body)).toEqual(['Sent the brief']);
    const bodies = async () => (await bg.db.notes.where('contractorKey').equals(KEY).toArray()).map((n) => n.body).sort();
    await waitFor(async () => expect(await bodies()).toEqual(['Old note', 'Sent the brief']));
    expect(await screen.findByText('Sent the brief')).toBeTruthy();
    expect(document.activeElement).toBe(input);
  });

  it('"Rate a project" moves focus into the form; Esc closes it and focus returns to the button', async () => {
    await renderOverlay();
    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    const rate = screen.getByRole('button', { name: 'Rate a project' });
    fireEvent.click(rate);
    const form = await screen.findByRole('form', { name: 'Rate a project' });
    await waitFor(() => expect(form.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Rate a project' })).toBeNull());
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Rate a project'));
    await stillOpen();
    expect(bg.sent.filter((r) => r.type === 'saveRating')).toEqual([]);
  });
});
