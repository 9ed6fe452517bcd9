/**
 * The overlay's notes, on the real background: what the view saves, edits and pages through is
 * what the router stored and answered, seeded through that same router.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Notes } from '../../../components/overlay/Notes';
import { NoteItem } from '../../../components/overlay/NoteItem';
import type { Note } from '../../../lib/db/schema';
import type { RequestPayload } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { note } from './data';

const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

const input = () => screen.getByTestId('note-input') as HTMLTextAreaElement;
const sentOf = <T extends 'saveNote' | 'listNotes' | 'overlayTyping'>(type: T) =>
  bg.sent.filter((r) => r.type === type).map((r) => r.payload as RequestPayload<T>);
const seed = (body: string, kind: Note['kind'] = 'general') => bg.ok('saveNote', { contractorKey: KEY, kind, body });

describe('Notes', () => {
  it('adds a note of the chosen kind and clears the box', async () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    expect(screen.getByText(/No notes yet/)).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'New note' }), { target: { value: '  Quoted $40/h  ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of note' }), { target: { value: 'negotiation' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(input().value).toBe(''));
    const sent = sentOf('saveNote');
    expect(sent).toEqual([{ createId: expect.any(String), contractorKey: KEY, kind: 'negotiation', body: 'Quoted $40/h' }]);
    const stored = await bg.db.notes.toArray();
    expect(stored).toEqual([
      expect.objectContaining({ id: sent[0]!.createId, contractorKey: KEY, kind: 'negotiation', body: 'Quoted $40/h' }),
    ]);
  });

  it('does not send an empty note', async () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: '   ' } });
    expect(screen.getByTestId('note-save')).toHaveProperty('disabled', true);
    fireEvent.submit(input().form!);
    await bg.settled();
    expect(sentOf('saveNote')).toEqual([]);
    expect(await bg.db.notes.count()).toBe(0);
  });

  it('keeps the typed text and shows the error when saving fails', async () => {
    bg.failNext('saveNote', 'internal', 'Storage is full');
    render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: 'Reference from Acme: great' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('Storage is full');
    expect(input().value).toBe('Reference from Acme: great');
    expect(sentOf('saveNote')).toHaveLength(1);
    expect(await bg.db.notes.count()).toBe(0);
  });

  it('keeps an unsent draft per contractor across profile switches', async () => {
    const { rerender } = render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: 'Half-written thought' } });
    rerender(<Notes contractorKey="fiverr:someone" notes={[]} />);
    expect(input().value).toBe('');
    rerender(<Notes contractorKey={KEY} notes={[]} />);
    expect(input().value).toBe('Half-written thought');
    await bg.settled();
    expect(sentOf('saveNote')).toEqual([]);
  });

  it('lists notes newest first with kind and a locale timestamp', async () => {
    const older = await seed('First call', 'interview');
    bg.clock.now += 86_400_000;
    const newer = await seed('Sent the brief', 'contact');
    render(<Notes contractorKey={KEY} notes={[older, newer]} />);
    const items = screen.getAllByTestId('note-item');
    expect(items.map((i) => i.querySelector('.ov-note__body')?.textContent)).toEqual(['Sent the brief', 'First call']);
    expect(items.map((i) => i.getAttribute('data-note-id'))).toEqual([newer.id, older.id]);
    expect(within(items[1]!).getByText('Interview')).toBeTruthy();
    const time = items[1]!.querySelector('time')!;
    expect((await bg.db.notes.get(older.id))?.createdAt).toBe(older.createdAt);
    expect(time.getAttribute('datetime')).toBe(new Date(older.createdAt).toISOString());
    expect(time.textContent).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(older.createdAt));
  });

  it('edits a note in place', async () => {
    const stored = await seed('Old text');
    render(<Notes contractorKey={KEY} notes={[stored]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'New text' } });
    bg.clock.now += 1000;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull());
    expect(sentOf('saveNote')).toEqual([
      { id: stored.id, contractorKey: KEY, kind: 'general', body: 'New text', baseUpdatedAt: stored.updatedAt },
    ]);
    expect(await bg.db.notes.toArray()).toEqual([{ ...stored, body: 'New text', updatedAt: stored.updatedAt + 1000 }]);
  });

  it('renders hostile and huge text inertly and folds it', async () => {
    const html = '<script>window.pwned=1</script><b>bold</b>';
    const hostile = await seed(html);
    // Longer than the background stores (the limit is 20,000): only ever seen as a local fixture.
    const huge = `${'שלום 🙂 '.repeat(15_000)}END`;
    render(<Notes contractorKey={KEY} notes={[hostile, note({ id: 'big', body: huge, createdAt: hostile.createdAt - 1 })]} />);
    expect((await bg.db.notes.get(hostile.id))?.body).toBe(html);
    expect(screen.getByText(html)).toBeTruthy();
    expect(document.querySelector('.ov-note b, .ov-note script')).toBeNull();
    const big = screen.getAllByTestId('note-item')[1]!;
    expect(big.textContent).not.toContain('END');
    fireEvent.click(within(big).getByRole('button', { name: /Show all/ }));
    expect(big.textContent).toContain('END');
  });
});

describe('Notes limits', () => {
  it('keeps a pasted text over the limit whole and says how long it is', async () => {
    render(<Notes contractorKey="upwork:~01abc" notes={[]} />);
    const pasted = 'x'.repeat(100_000);
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: pasted } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect(screen.getByRole('alert').textContent).toContain('100,000 characters; the limit is 20,000');
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toHaveLength(100_000);
    await bg.settled();
    expect(sentOf('saveNote')).toEqual([]);
    expect(await bg.db.notes.count()).toBe(0);
  });
});

describe('a note changed elsewhere while being edited (issue 12, stale tab)', () => {
  it('refuses to save over the newer version, shows both, and keeps mine or merges on request', async () => {
    const original = await seed('Old text');
    const { rerender } = render(<NoteItem note={original} onDelete={async () => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'My edit' } });
    // Tab B saves meanwhile (really, through the router): the live view shows it.
    bg.clock.now += 1000;
    const theirs = await bg.ok('saveNote', {
      id: original.id,
      contractorKey: KEY,
      kind: 'general',
      body: 'Their edit',
      baseUpdatedAt: original.updatedAt,
    });
    rerender(<NoteItem note={theirs} onDelete={async () => undefined} />);
    const alert = await screen.findByTestId('note-conflict');
    expect(alert.textContent).toContain('Changed elsewhere');
    expect(alert.textContent).toContain('Their edit');
    fireEvent.click(screen.getByRole('button', { name: 'Put both in the editor' }));
    expect((screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement).value).toBe('My edit\n\nTheir edit');
    bg.clock.now += 1000;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull());
    expect(sentOf('saveNote').at(-1)).toMatchObject({ id: original.id, body: 'My edit\n\nTheir edit', baseUpdatedAt: theirs.updatedAt });
    expect(await bg.db.notes.get(original.id)).toMatchObject({ body: 'My edit\n\nTheir edit', updatedAt: theirs.updatedAt + 1000 });
  });

  it('a save refused as changed elsewhere keeps the editor open with the choice', async () => {
    const original = await seed('Old text');
    bg.clock.now += 1000;
    // Saved elsewhere before this view heard of it: the background refuses the stale save for real.
    const theirs = await bg.ok('saveNote', {
      id: original.id,
      contractorKey: KEY,
      kind: 'general',
      body: 'Theirs',
      baseUpdatedAt: original.updatedAt,
    });
    const { rerender } = render(<NoteItem note={original} onDelete={async () => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('note-conflict')).textContent).toContain('Your text was not saved');
    expect((screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement).value).toBe('Mine');
    expect(await bg.db.notes.get(original.id)).toEqual(theirs);
    // The change event brings the newer version in; Keep mine then saves over it.
    rerender(<NoteItem note={theirs} onDelete={async () => undefined} />);
    bg.clock.now += 1000;
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull());
    expect(sentOf('saveNote').at(-1)).toMatchObject({ id: original.id, body: 'Mine', baseUpdatedAt: theirs.updatedAt });
    expect(await bg.db.notes.get(original.id)).toMatchObject({ body: 'Mine', updatedAt: theirs.updatedAt + 1000 });
  });
});

describe('focus theft while typing a note (issue 12, attack 6)', () => {
  it('stops, warns and keeps the draft when the page takes the keyboard mid-note; tells its content script it is typing', async () => {
    const toTab = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
    render(<Notes contractorKey={KEY} notes={[]} />);
    const box = screen.getByTestId('note-input') as HTMLTextAreaElement;
    box.focus();
    fireEvent.input(box, { target: { value: 'Sergii asked for' } });
    // The page focuses its own input: the frame's window loses focus, the field stays active in it.
    fireEvent.blur(window);
    const alert = await screen.findByTestId('note-focus-lost');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('The page took the keyboard from Vetted');
    expect(box.readOnly).toBe(true);
    expect(box.value).toBe('Sergii asked for');
    expect(sentOf('overlayTyping')[0]).toEqual({ typing: true });
    // The background passed it on to the tab's content script (the top frame of tab 7).
    await waitFor(() => expect(toTab).toHaveBeenCalledWith(7, expect.objectContaining({ typing: true }), { frameId: 0 }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep typing here' }));
    expect(screen.queryByTestId('note-focus-lost')).toBeNull();
    expect(box.readOnly).toBe(false);
    expect(document.activeElement).toBe(box);
    toTab.mockRestore();
  });

  it('says nothing when focus leaves without recent typing', () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    (screen.getByTestId('note-input') as HTMLTextAreaElement).focus();
    fireEvent.blur(window);
    expect(screen.queryByTestId('note-focus-lost')).toBeNull();
  });
});

describe('a contractor with many notes (issue 12, attack 8)', () => {
  it('shows the first page, the total, and fetches older notes on "Show older notes"', async () => {
    const all: Note[] = [];
    for (let i = 0; i < 6; i++) {
      all.push(await seed(`Note number ${i}`));
      bg.clock.now += 1000;
    }
    const newestFirst = [...all].reverse();
    const first = newestFirst.slice(0, 3);
    render(<Notes contractorKey={KEY} notes={first} total={6} />);
    expect(screen.getAllByTestId('note-item')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Show older notes (3 more)' }));
    await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(6));
    expect(sentOf('listNotes')[0]).toMatchObject({ contractorKey: KEY, before: { createdAt: first[2]!.createdAt, id: first[2]!.id } });
    expect(screen.getAllByTestId('note-item').map((li) => li.dataset.noteId)).toEqual(newestFirst.map((n) => n.id));
    expect(screen.getAllByTestId('note-item').map((li) => li.querySelector('.ov-note__body')?.textContent)).toEqual(
      [5, 4, 3, 2, 1, 0].map((i) => `Note number ${i}`),
    );
    expect(screen.queryByRole('button', { name: /Show older notes/ })).toBeNull();
  });
});
