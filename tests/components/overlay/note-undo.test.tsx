/**
 * Deleting a note is immediate and leaves "Note deleted · Undo" in its place for a few seconds;
 * Undo sends back exactly the deleted note. On the real background: the list here is live, read
 * again from the background after each change it broadcasts, as the overlay does.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS } from '../../../components/overlay/DeletedNote';
import { Notes } from '../../../components/overlay/Notes';
import type { Note } from '../../../lib/db/schema';
import { onChange, send } from '../../../lib/messaging/client';
import type { RequestPayload } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
let bg: RealBackground;
let older: Note;
let newer: Note;

const shown = async (): Promise<Note[]> => (await bg.ok('getContractor', { key: KEY }))?.notes ?? [];

function LiveNotes({ contractorKey = KEY, initial }: { contractorKey?: string; initial: Note[] }) {
  const [list, set] = useState(initial);
  useEffect(
    () =>
      onChange(() => {
        void send('getContractor', { key: KEY }).then((view) => set(view?.notes ?? []));
      }),
    [],
  );
  return (
    <div data-testid="live" data-ids={list.map((n) => n.id).join(' ')}>
      <Notes contractorKey={contractorKey} notes={list} />
    </div>
  );
}
/** The notes the background last gave the view, by id. */
const givenIds = () => screen.getByTestId('live').dataset.ids!.split(' ').filter(Boolean);

beforeEach(async () => {
  // Only the countdown's clock is faked: the database (setImmediate) and waitFor's polling (setInterval) run as ever,
  // and Preact's effects, which wait for a frame it times with setTimeout, get their frame from a microtask.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  options.requestAnimationFrame = (flush) => void Promise.resolve().then(flush);
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  const first = await bg.ok('saveNote', { contractorKey: KEY, kind: 'reference', body: 'Acme says: reliabl' });
  // Edited a moment later: created and updated at different times, both of which Undo must keep.
  bg.clock.now += 5;
  older = await bg.ok('saveNote', { id: first.id, contractorKey: KEY, kind: 'reference', body: 'Acme says: reliable' });
  bg.clock.now += 1000;
  newer = await bg.ok('saveNote', { contractorKey: KEY, kind: 'interview', body: 'Asked about deadlines' });
});
afterEach(() => {
  cleanup();
  options.requestAnimationFrame = undefined;
  vi.useRealTimers();
});

const live = async () => render(<LiveNotes initial={await shown()} />);
const items = () => screen.queryAllByTestId('note-item').map((li) => li.getAttribute('data-note-id'));
const deleteButtonOf = (id: string) =>
  within(screen.getAllByTestId('note-item').find((li) => li.getAttribute('data-note-id') === id)!).getByRole('button', {
    name: 'Delete note',
  });
const sentOf = <T extends 'deleteNote' | 'restoreNote'>(type: T) =>
  bg.sent.filter((r) => r.type === type).map((r) => r.payload as RequestPayload<T>);
const storedIds = async () => (await bg.db.notes.toArray()).map((n) => n.id).sort();
/** Deletes `id` from the view and waits until the background has and the list shows it gone. */
async function deleteFromView(id: string) {
  fireEvent.click(deleteButtonOf(id));
  await screen.findByTestId('note-deleted');
  await waitFor(async () => expect(await bg.db.notes.get(id)).toBeUndefined());
  await bg.settled();
  await waitFor(() => expect(givenIds()).not.toContain(id));
  expect(items()).not.toContain(id);
}

describe('deleting a note, with Undo', () => {
  it('deletes at once, offers Undo in its place with the focus on it, and Undo restores the very same note', async () => {
    const before = await bg.db.notes.get(older.id);
    expect([before?.createdAt, before?.updatedAt]).toEqual([older.createdAt, older.createdAt + 5]);
    await live();
    expect(items()).toEqual([newer.id, older.id]);
    await deleteFromView(older.id);
    expect(sentOf('deleteNote')).toEqual([{ id: older.id }]);
    expect(items()).toEqual([newer.id]);
    expect(await storedIds()).toEqual([newer.id]);
    const row = screen.getByTestId('note-deleted');
    // Where the note was: after the newer one.
    expect(row.previousElementSibling?.getAttribute('data-note-id')).toBe(newer.id);
    expect(row.textContent).toContain('Note deleted: Acme says: reliable');
    const undo = within(row).getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByRole('status').textContent).toBe('Note deleted. Undo is available for a few seconds.');

    fireEvent.click(undo);
    await waitFor(() => expect(screen.queryByTestId('note-deleted')).toBeNull());
    await bg.settled();
    await waitFor(() => expect(givenIds()).toEqual([newer.id, older.id]));
    expect(items()).toEqual([newer.id, older.id]);
    expect(sentOf('restoreNote')).toEqual([{ note: before }]);
    expect(await bg.db.notes.get(older.id)).toEqual(before);
    await waitFor(() => expect(document.activeElement).toBe(deleteButtonOf(older.id)));
    expect(screen.getByRole('status').textContent).toBe('Note restored.');
  });

  it('the offer ends after a few seconds, moving the focus to the Notes heading; nothing is restored', async () => {
    await live();
    await deleteFromView(newer.id);
    act(() => {
      vi.advanceTimersByTime(UNDO_MS - 100);
    });
    expect(screen.getByTestId('note-deleted')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Notes' }));
    expect(items()).toEqual([older.id]);
    expect(sentOf('restoreNote')).toEqual([]);
    expect(await storedIds()).toEqual([older.id]);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('the pointer resting on the offer pauses the countdown; leaving restarts it', async () => {
    await live();
    await deleteFromView(newer.id);
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
    expect(sentOf('restoreNote')).toEqual([]);
    expect(await storedIds()).toEqual([older.id]);
  });

  it('Escape or Dismiss ends the offer at once', async () => {
    await live();
    await deleteFromView(newer.id);
    fireEvent.keyDown(within(screen.getByTestId('note-deleted')).getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    await deleteFromView(older.id);
    fireEvent.click(within(screen.getByTestId('note-deleted')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(await screen.findByText(/No notes yet/)).toBeTruthy();
    expect(sentOf('restoreNote')).toEqual([]);
    expect(await bg.db.notes.count()).toBe(0);
  });

  it('a second delete makes the first final and offers Undo for the second', async () => {
    const before = await bg.db.notes.get(older.id);
    await live();
    await deleteFromView(newer.id);
    await deleteFromView(older.id);
    expect(screen.getAllByTestId('note-deleted')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.queryByTestId('note-deleted')).toBeNull());
    await bg.settled();
    await waitFor(() => expect(givenIds()).toEqual([older.id]));
    expect(items()).toEqual([older.id]);
    expect(sentOf('restoreNote')).toEqual([{ note: before }]);
    expect(await storedIds()).toEqual([older.id]);
  });

  it('a failed delete keeps the note and says why', async () => {
    bg.failNext('deleteNote', 'internal', 'Storage is not available');
    await live();
    fireEvent.click(deleteButtonOf(older.id));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is not available');
    expect(items()).toEqual([newer.id, older.id]);
    expect(screen.queryByTestId('note-deleted')).toBeNull();
    expect(sentOf('deleteNote')).toEqual([{ id: older.id }]);
    expect(await storedIds()).toEqual([newer.id, older.id].sort());
  });

  it('a failed Undo says why and still offers Undo', async () => {
    await live();
    await deleteFromView(older.id);
    // The contractor is deleted in another window (the side panel): the note has nowhere to come back to.
    await bg.ok('deleteContractor', { key: KEY }, senders.sidepanel());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    const row = screen.getByTestId('note-deleted');
    expect((await within(row).findByRole('alert')).textContent).toBe(
      'Not restored: This contractor was deleted in another window, so the note cannot come back.',
    );
    expect(within(row).getByRole('button', { name: 'Undo' })).toHaveProperty('disabled', false);
    expect(sentOf('restoreNote')).toHaveLength(1);
    expect(await bg.db.notes.count()).toBe(0);
  });

  it('another profile in the same frame drops the offer (the delete stands)', async () => {
    const { rerender } = await live();
    await deleteFromView(older.id);
    rerender(<LiveNotes contractorKey="fiverr:someone" initial={[]} />);
    await waitFor(() => expect(screen.queryByTestId('note-deleted')).toBeNull());
    await bg.settled();
    expect(sentOf('restoreNote')).toEqual([]);
    expect(await storedIds()).toEqual([newer.id]);
  });
});
