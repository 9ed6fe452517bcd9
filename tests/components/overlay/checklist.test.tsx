import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChecklistItem } from '../../../lib/db/schema';
import { Checklist } from '../../../components/overlay/Checklist';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { check } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const KEY = 'upwork:~01abc';
const TEMPLATE: ChecklistItem[] = [
  { id: 'interview-held', label: 'Interview held', group: 'before-hiring', hint: 'Talk live' },
  { id: 'reviews-read', label: 'Reviews read', group: 'before-hiring' },
  { id: 'budget-set', label: 'Budget set', group: 'contract-budget' },
  { id: 'hidden-one', label: 'Hidden item', group: 'contract-budget', hidden: true },
];

beforeEach(() => {
  resetFakeClient();
  answer('setCheck', (p) => check(p.itemId, p.state ?? 'todo', p.note ? { note: p.note } : {}));
});
afterEach(cleanup);

function row(itemId: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="checklist-item"][data-item-id="${itemId}"]`);
  if (!el) throw new Error(`no row ${itemId}`);
  return el;
}

describe('Checklist', () => {
  it('lists visible items in named groups with a checkbox each and the progress', () => {
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[check('reviews-read', 'done')]} />);
    const before = screen.getByRole('group', { name: 'Before hiring' });
    expect(
      within(before)
        .getAllByRole('checkbox')
        .map((b) => b.getAttribute('id')),
    ).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Contract and budget' })).toBeTruthy();
    expect(screen.queryByText('Hidden item')).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Reviews read' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Interview held' })).toHaveProperty('checked', false);
    expect(screen.getByRole('progressbar', { name: 'Vetting progress' }).getAttribute('aria-valuetext')).toBe('1 of 3 checks done');
    expect(screen.getByText('1/3')).toBeTruthy();
  });

  it('ticks an item: sends setCheck done and counts it at once', async () => {
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[]} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Interview held' }));
    expect(screen.getByRole('checkbox', { name: 'Interview held' })).toHaveProperty('checked', true);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    await waitFor(() => expect(callsOf('setCheck')).toEqual([{ contractorKey: KEY, itemId: 'interview-held', state: 'done' }]));
  });

  it('marks an item failed or not applicable with its state menu', async () => {
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[]} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'State of “Budget set”' }), { target: { value: 'na' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'State of “Reviews read”' }), { target: { value: 'failed' } });
    await waitFor(() =>
      expect(callsOf('setCheck').map((c) => [c.itemId, c.state])).toEqual([
        ['budget-set', 'na'],
        ['reviews-read', 'failed'],
      ]),
    );
    // n/a leaves the total; failed counts but is not done.
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('0 of 2 checks done, 1 failed');
    expect(screen.getByText(/1 check failed/)).toBeTruthy();
    expect(row('reviews-read').className).toContain('ov-check--failed');
  });

  it('puts the stored state back and says why when the save fails', async () => {
    fail('setCheck', 'Storage is full');
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[]} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Budget set' }));
    expect(await within(row('budget-set')).findByRole('alert')).toHaveProperty('textContent', 'Storage is full');
    expect(screen.getByRole('checkbox', { name: 'Budget set' })).toHaveProperty('checked', false);
  });

  it('adds a note to an item, and keeps the typed note when saving fails', async () => {
    fail('setCheck', 'Storage is full');
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a note to “Interview held”' }));
    const box = screen.getByRole('textbox', { name: 'Note on “Interview held”' });
    fireEvent.input(box, { target: { value: 'Asked about deadlines' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await within(row('interview-held')).findByRole('alert')).toHaveProperty('textContent', 'Storage is full');
    expect(screen.getByRole('textbox', { name: 'Note on “Interview held”' })).toHaveProperty('value', 'Asked about deadlines');

    answer('setCheck', (p) => check(p.itemId, 'todo', { note: p.note ?? undefined }));
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on “Interview held”' })).toBeNull());
    expect(callsOf('setCheck').at(-1)).toEqual({
      contractorKey: KEY,
      itemId: 'interview-held',
      note: 'Asked about deadlines',
      baseUpdatedAt: 0,
    });
  });

  it('shows a stored item note as inert text', () => {
    const hostile = '<img src=x onerror="alert(1)"> مرحبا 👋';
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[check('reviews-read', 'done', { note: hostile })]} />);
    expect(within(row('reviews-read')).getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit note on “Reviews read”' })).toBeTruthy();
  });
});

describe('Checklist: ticks the data proves (issue 14)', () => {
  it('shows a derived tick as ticked and marked Auto, counts it, and unticking overrides it', async () => {
    const item = TEMPLATE[0]!;
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[]} derived={[{ itemId: item.id, reason: 'You saved a rating' }]} />);
    const row = screen.getAllByTestId('checklist-item').find((li) => li.getAttribute('data-item-id') === item.id)!;
    const box = within(row).getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(within(row).getByText('Auto')).toBeTruthy();
    expect(row.textContent).toContain('Ticked automatically: You saved a rating. Untick to override.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    fireEvent.click(box);
    await waitFor(() => expect(callsOf('setCheck')).toEqual([{ contractorKey: KEY, itemId: item.id, state: 'todo' }]));
  });

  it('a check the user set wins: no Auto mark', () => {
    const item = TEMPLATE[0]!;
    render(
      <Checklist
        contractorKey={KEY}
        template={TEMPLATE}
        checks={[check(item.id, 'failed')]}
        derived={[{ itemId: item.id, reason: 'x' }]}
      />,
    );
    expect(screen.queryByText('Auto')).toBeNull();
  });
});

describe('a checklist note edited in two tabs (issue 12, attack 7)', () => {
  it('the save carries the version it began from; a refused one keeps the text and offers load or overwrite', async () => {
    const { VettedError } = await import('./fake-client');
    const start = check('reviews-read', 'done', { note: 'Three good reviews', updatedAt: 1000 });
    const { rerender } = render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[start]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note on “Reviews read”' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on “Reviews read”' }), { target: { value: 'Mine' } });
    answer('setCheck', (p) => {
      if (p.baseUpdatedAt === 1000)
        throw new VettedError('This checklist item was changed elsewhere while you were editing it. Nothing was saved.', 'conflict');
      return check('reviews-read', 'done', { note: p.note ?? undefined, updatedAt: 3000 });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByTestId('changed-elsewhere');
    expect(alert.textContent).toContain('Your changes were not saved');
    expect(callsOf('setCheck').at(-1)).toMatchObject({ note: 'Mine', baseUpdatedAt: 1000 });
    expect((screen.getByRole('textbox', { name: 'Note on “Reviews read”' }) as HTMLTextAreaElement).value).toBe('Mine');
    // The other tab's version arrives (broadcast); "Load the other version" shows it in the editor.
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[{ ...start, note: 'Their note', updatedAt: 2000 }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load the other version' }));
    expect((screen.getByRole('textbox', { name: 'Note on “Reviews read”' }) as HTMLTextAreaElement).value).toBe('Their note');
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
    // Typing again and "Save mine over it" after another change saves from the newest version.
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on “Reviews read”' }), { target: { value: 'Merged' } });
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[{ ...start, note: 'Third', updatedAt: 2500 }]} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save mine over it' }));
    await waitFor(() => expect(callsOf('setCheck').at(-1)).toMatchObject({ note: 'Merged', baseUpdatedAt: 2500 }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on “Reviews read”' })).toBeNull());
  });
});
