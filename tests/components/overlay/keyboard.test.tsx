/**
 * Keyboard use in the overlay (issue 14): every opened editor takes focus, a closed one gives it
 * back to its opener, Esc closes the innermost thing — the overlay itself also when focus is on a
 * checkbox, radio or select.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OverlayApp } from '../../../components/overlay/OverlayApp';
import { BIND_MESSAGE } from '../../../components/overlay/frame';
import { answer, callsOf, resetFakeClient } from './fake-client';
import { note, settings, view } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const fakeParent = { postMessage: () => undefined } as unknown as Window;
const NONCE = 'k'.repeat(32);

/** The frame learns its contractor from the background once the content script binds it (issue 12). */
async function renderOverlay() {
  const r = render(<OverlayApp />);
  await act(() => {
    window.dispatchEvent(new MessageEvent('message', { data: { type: BIND_MESSAGE, nonce: NONCE }, source: fakeParent as never }));
  });
  return r;
}

beforeEach(() => {
  fakeBrowser.reset();
  resetFakeClient();
  vi.spyOn(window, 'parent', 'get').mockReturnValue(fakeParent);
  answer('claimOverlay', () => ({ tabId: 7, key: 'upwork:~01abc' }));
  answer('overlayLayout', () => ({ ok: true }));
  answer('getSettings', () => settings({ overlayOpen: true }));
  answer('updateSettings', (p) => settings(p.patch));
  answer('getContractor', () => view({ notes: [note({ id: 'n1', body: 'Old note' })] }));
  answer('setCheck', (p) => ({ contractorKey: p.contractorKey, itemId: p.itemId, state: p.state ?? 'todo', updatedAt: 1 }));
  answer('saveNote', (p) => note({ id: 'n2', body: p.body }));
});
afterEach(() => {
  cleanup();
});

const collapsed = () => screen.findByRole('button', { name: /^Open Vetted/ });
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
    expect(screen.getByRole('button', { name: 'Collapse Vetted' })).toBeTruthy(); // still open
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
    expect(screen.getByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
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
    await waitFor(() => expect(callsOf('saveNote')).toHaveLength(1));
    await waitFor(() => expect(input.value).toBe(''));
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
    expect(screen.getByRole('button', { name: 'Collapse Vetted' })).toBeTruthy();
  });
});
