/**
 * Deleting a note is immediate and leaves "Note deleted · Undo" in its place for a few seconds;
 * Undo sends back exactly the deleted note. The list here is live: the fake background removes
 * and restores notes and the component gets the new list, as the overlay does after a broadcast.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../../../components/overlay/DeletedNote';
import { Notes } from '../../../components/overlay/Notes';
import type { Note } from '../../../lib/db/schema';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { note, T0 } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const KEY = 'upwork:~01abc';
const older = note({ id: 'n-old', kind: 'reference', body: 'Acme says: reliable', createdAt: T0, updatedAt: T0 + 5 });
const newer = note({ id: 'n-new', kind: 'interview', body: 'Asked about deadlines', createdAt: T0 + 1000, updatedAt: T0 + 1000 });

let setList: (notes: Note[]) => void = () => undefined;
let stored: Note[] = [];

function LiveNotes({ contractorKey = KEY }: { contractorKey?: string }) {
  const [list, set] = useState(stored);
  setList = (notes) => {
    stored = notes;
    set(notes);
  };
  return <Notes contractorKey={contractorKey} notes={list} />;
}

/** Lets the fake background's promise chains and Preact's effects run. */
const settle = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  resetFakeClient();
  stored = [older, newer];
  answer('deleteNote', ({ id }) => {
    const gone = stored.find((n) => n.id === id);
    setList(stored.filter((n) => n.id !== id));
    return gone ? { deleted: true, note: gone } : { deleted: false };
  });
  answer('restoreNote', ({ note: back }) => {
    setList([...stored, back as Note]);
    return back as Note;
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const items = () => screen.queryAllByTestId('note-item').map((li) => li.getAttribute('data-note-id'));
const deleteButtonOf = (id: string) =>
  within(screen.getAllByTestId('note-item').find((li) => li.getAttribute('data-note-id') === id)!).getByRole('button', {
    name: 'Delete note',
  });

describe('deleting a note, with Undo', () => {
  it('deletes at once, offers Undo in its place with the focus on it, and Undo restores the very same note', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    expect(callsOf('deleteNote')).toEqual([{ id: 'n-old' }]);
    expect(items()).toEqual(['n-new']);
    const row = screen.getByTestId('note-deleted');
    // Where the note was: after the newer one.
    expect(row.previousElementSibling?.getAttribute('data-note-id')).toBe('n-new');
    expect(row.textContent).toContain('Note deleted: Acme says: reliable');
    const undo = within(row).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByRole('status').textContent).toBe('Note deleted. Undo is available for a few seconds.');

    fireEvent.click(undo);
    await settle();
    expect(callsOf('restoreNote')).toEqual([{ note: older }]);
    expect(items()).toEqual(['n-new', 'n-old']);
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(document.activeElement).toBe(deleteButtonOf('n-old'));
    expect(screen.getByRole('status').textContent).toBe('Note restored.');
  });

  it('the offer ends after a few seconds, moving the focus to the Notes heading; nothing is restored', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-new'));
    await settle();
    act(() => {
      vi.advanceTimersByTime(UNDO_MS - 100);
    });
    expect(screen.getByTestId('note-deleted')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Notes' }));
    expect(items()).toEqual(['n-old']);
    expect(callsOf('restoreNote')).toEqual([]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('the pointer resting on the offer pauses the countdown; leaving restarts it', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-new'));
    await settle();
    const row = screen.getByTestId('note-deleted');
    fireEvent.mouseEnter(row);
    act(() => {
      vi.advanceTimersByTime(UNDO_MS * 3);
    });
    expect(screen.getByTestId('note-deleted')).toBeTruthy();
    fireEvent.mouseLeave(row);
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 1);
    });
    expect(screen.queryByTestId('note-deleted')).toBeNull();
  });

  it('Escape or Dismiss ends the offer at once', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-new'));
    await settle();
    fireEvent.keyDown(within(screen.getByTestId('note-deleted')).getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    fireEvent.click(within(screen.getByTestId('note-deleted')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(screen.getByText(/No notes yet/)).toBeTruthy();
    expect(callsOf('restoreNote')).toEqual([]);
  });

  it('a second delete makes the first final and offers Undo for the second', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-new'));
    await settle();
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    expect(screen.getAllByTestId('note-deleted')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    expect(callsOf('restoreNote')).toEqual([{ note: older }]);
    expect(items()).toEqual(['n-old']);
  });

  it('a failed delete keeps the note and says why', async () => {
    fail('deleteNote', 'Storage is not available');
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    expect(items()).toEqual(['n-new', 'n-old']);
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Storage is not available');
  });

  it('a failed Undo says why and still offers Undo', async () => {
    render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    fail('restoreNote', 'This contractor was deleted in another window, so the note cannot come back.');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await settle();
    const row = screen.getByTestId('note-deleted');
    expect(within(row).getByRole('alert').textContent).toBe(
      'Not restored: This contractor was deleted in another window, so the note cannot come back.',
    );
    expect(within(row).getByRole('button', { name: 'Undo' })).toHaveProperty('disabled', false);
  });

  it('another profile in the same frame drops the offer (the delete stands)', async () => {
    const { rerender } = render(<LiveNotes />);
    fireEvent.click(deleteButtonOf('n-old'));
    await settle();
    rerender(<LiveNotes contractorKey="fiverr:someone" />);
    await settle();
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(callsOf('restoreNote')).toEqual([]);
  });
});
