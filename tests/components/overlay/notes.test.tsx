import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notes } from '../../../components/overlay/Notes';
import { NoteItem } from '../../../components/overlay/NoteItem';
import { answer, callsOf, fail, resetFakeClient, VettedError } from './fake-client';
import { note, T0 } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const KEY = 'upwork:~01abc';

beforeEach(() => {
  resetFakeClient();
  answer('saveNote', (p) => note({ id: p.id ?? 'new', kind: p.kind, body: p.body }));
});
afterEach(cleanup);

const input = () => screen.getByTestId('note-input') as HTMLTextAreaElement;

describe('Notes', () => {
  it('adds a note of the chosen kind and clears the box', async () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    expect(screen.getByText(/No notes yet/)).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: 'New note' }), { target: { value: '  Quoted $40/h  ' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of note' }), { target: { value: 'negotiation' } });
    fireEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(input().value).toBe(''));
    expect(callsOf('saveNote')).toEqual([{ createId: expect.any(String), contractorKey: KEY, kind: 'negotiation', body: 'Quoted $40/h' }]);
  });

  it('does not send an empty note', () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: '   ' } });
    expect(screen.getByTestId('note-save')).toHaveProperty('disabled', true);
    fireEvent.submit(input().form!);
    expect(callsOf('saveNote')).toEqual([]);
  });

  it('keeps the typed text and shows the error when saving fails', async () => {
    fail('saveNote', 'Storage is full');
    render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: 'Reference from Acme: great' } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('Storage is full');
    expect(input().value).toBe('Reference from Acme: great');
  });

  it('keeps an unsent draft per contractor across profile switches', () => {
    const { rerender } = render(<Notes contractorKey={KEY} notes={[]} />);
    fireEvent.input(input(), { target: { value: 'Half-written thought' } });
    rerender(<Notes contractorKey="fiverr:someone" notes={[]} />);
    expect(input().value).toBe('');
    rerender(<Notes contractorKey={KEY} notes={[]} />);
    expect(input().value).toBe('Half-written thought');
  });

  it('lists notes newest first with kind and a locale timestamp', () => {
    const older = note({ id: 'a', body: 'First call', kind: 'interview', createdAt: T0 });
    const newer = note({ id: 'b', body: 'Sent the brief', kind: 'contact', createdAt: T0 + 86_400_000 });
    render(<Notes contractorKey={KEY} notes={[older, newer]} />);
    const items = screen.getAllByTestId('note-item');
    expect(items.map((i) => i.querySelector('.ov-note__body')?.textContent)).toEqual(['Sent the brief', 'First call']);
    expect(within(items[1]!).getByText('Interview')).toBeTruthy();
    const time = items[1]!.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(new Date(T0).toISOString());
    expect(time.textContent).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(T0));
  });

  it('edits a note in place', async () => {
    render(<Notes contractorKey={KEY} notes={[note({ id: 'n1', body: 'Old text' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'New text' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull());
    expect(callsOf('saveNote')).toEqual([
      { id: 'n1', contractorKey: KEY, kind: 'general', body: 'New text', baseUpdatedAt: expect.any(Number) },
    ]);
  });

  it('renders hostile and huge text inertly and folds it', () => {
    const html = '<script>window.pwned=1</script><b>bold</b>';
    const huge = `${'שלום 🙂 '.repeat(15_000)}END`;
    render(<Notes contractorKey={KEY} notes={[note({ id: 'h', body: html }), note({ id: 'big', body: huge, createdAt: T0 - 1 })]} />);
    expect(screen.getByText(html)).toBeTruthy();
    expect(document.querySelector('.ov-note b, .ov-note script')).toBeNull();
    const big = screen.getAllByTestId('note-item')[1]!;
    expect(big.textContent).not.toContain('END');
    fireEvent.click(within(big).getByRole('button', { name: /Show all/ }));
    expect(big.textContent).toContain('END');
  });
});

describe('Notes limits', () => {
  afterEach(cleanup);
  it('keeps a pasted text over the limit whole and says how long it is', () => {
    resetFakeClient();
    render(<Notes contractorKey="upwork:~01abc" notes={[]} />);
    const pasted = 'x'.repeat(100_000);
    fireEvent.input(screen.getByTestId('note-input'), { target: { value: pasted } });
    fireEvent.click(screen.getByTestId('note-save'));
    expect(screen.getByRole('alert').textContent).toContain('100,000 characters; the limit is 20,000');
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).value).toHaveLength(100_000);
    expect(callsOf('saveNote')).toEqual([]);
  });
});

describe('a note changed elsewhere while being edited (issue 12, stale tab)', () => {
  it('refuses to save over the newer version, shows both, and keeps mine or merges on request', async () => {
    const original = note({ id: 'n1', body: 'Old text', updatedAt: 1000 });
    const { rerender } = render(<NoteItem note={original} onDelete={async () => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    const box = screen.getByRole('textbox', { name: 'Note text' });
    fireEvent.input(box, { target: { value: 'My edit' } });
    // Tab B saves meanwhile: the live view shows it, and the background refuses A's save.
    answer('saveNote', (p) => {
      if (p.baseUpdatedAt === 1000)
        throw new VettedError('This note was changed elsewhere while you were editing it. Nothing was saved.', 'conflict');
      return note({ id: 'n1', body: p.body, updatedAt: 3000 });
    });
    rerender(<NoteItem note={note({ id: 'n1', body: 'Their edit', updatedAt: 2000 })} onDelete={async () => undefined} />);
    const alert = await screen.findByTestId('note-conflict');
    expect(alert.textContent).toContain('Changed elsewhere');
    expect(alert.textContent).toContain('Their edit');
    fireEvent.click(screen.getByRole('button', { name: 'Put both in the editor' }));
    expect((screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement).value).toBe('My edit\n\nTheir edit');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsOf('saveNote').at(-1)).toMatchObject({ id: 'n1', body: 'My edit\n\nTheir edit', baseUpdatedAt: 2000 }));
  });

  it('a save refused as changed elsewhere keeps the editor open with the choice', async () => {
    answer('saveNote', () => {
      throw new VettedError('This note was changed elsewhere while you were editing it. Nothing was saved.', 'conflict');
    });
    render(<NoteItem note={note({ id: 'n1', body: 'Old text', updatedAt: 1000 })} onDelete={async () => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note text' }), { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('note-conflict')).textContent).toContain('Your text was not saved');
    expect((screen.getByRole('textbox', { name: 'Note text' }) as HTMLTextAreaElement).value).toBe('Mine');
    answer('saveNote', (p) => note({ id: 'n1', body: p.body, updatedAt: 5000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note text' })).toBeNull());
  });
});

describe('focus theft while typing a note (issue 12, attack 6)', () => {
  it('stops, warns and keeps the draft when the page takes the keyboard mid-note; tells its content script it is typing', async () => {
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
    expect(callsOf('overlayTyping')[0]).toEqual({ typing: true });
    fireEvent.click(screen.getByRole('button', { name: 'Keep typing here' }));
    expect(screen.queryByTestId('note-focus-lost')).toBeNull();
    expect(box.readOnly).toBe(false);
    expect(document.activeElement).toBe(box);
  });

  it('says nothing when focus leaves without recent typing', () => {
    render(<Notes contractorKey={KEY} notes={[]} />);
    (screen.getByTestId('note-input') as HTMLTextAreaElement).focus();
    fireEvent.blur(window);
    expect(screen.queryByTestId('note-focus-lost')).toBeNull();
  });
});

describe('a contractor with many notes (issue 12, attack 8)', () => {
  const make = (i: number) => note({ id: `n${i}`, body: `Note number ${i}`, createdAt: T0 + i * 1000, updatedAt: T0 + i * 1000 });
  it('shows the first page, the total, and fetches older notes on "Show older notes"', async () => {
    const first = [5, 4, 3].map(make);
    const rest = [2, 1, 0].map(make);
    answer('listNotes', (p) => {
      const after = rest.filter((n) => n.createdAt < p.before.createdAt);
      return { notes: after.slice(0, p.limit), more: after.length > p.limit };
    });
    render(<Notes contractorKey={KEY} notes={first} total={6} />);
    expect(screen.getAllByTestId('note-item')).toHaveLength(3);
    const older = screen.getByRole('button', { name: 'Show older notes (3 more)' });
    fireEvent.click(older);
    await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(6));
    expect(callsOf('listNotes')[0]).toMatchObject({ contractorKey: KEY, before: { createdAt: first[2]!.createdAt, id: 'n3' } });
    expect(screen.getAllByTestId('note-item').map((li) => li.dataset.noteId)).toEqual(['n5', 'n4', 'n3', 'n2', 'n1', 'n0']);
    expect(screen.queryByRole('button', { name: /Show older notes/ })).toBeNull();
  });
});
