import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChecklistEditor } from '../../../components/options/ChecklistEditor';
import type { ChecklistItem, Settings } from '../../../lib/db/schema';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';

afterEach(cleanup);

function setup(checklist: ChecklistItem[] = DEFAULT_CHECKLIST.map((i) => ({ ...i })), ok = true) {
  const save = vi.fn(async (_patch: Partial<Settings>) => ok);
  render(<ChecklistEditor checklist={checklist} save={save} />);
  const lastSaved = () => save.mock.calls.at(-1)![0].checklist!;
  return { save, lastSaved };
}

const rowIds = () => screen.getAllByTestId('template-item').map((r) => r.dataset.itemId);

describe('ChecklistEditor', () => {
  it('lists the items under their group headings', () => {
    setup();
    for (const name of ['Before hiring', 'Contract and budget', 'Working together', 'After delivery']) {
      expect(screen.getByRole('heading', { name })).toBeTruthy();
    }
    expect(rowIds()).toEqual(DEFAULT_CHECKLIST.map((i) => i.id));
  });

  it('renames when the field is left and keeps the item id', async () => {
    const { save, lastSaved } = setup();
    const input = screen.getByLabelText('Label of “Reviews read”') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Reviews read, all of them' } });
    fireEvent.blur(input);
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const item = lastSaved().find((i) => i.id === 'reviews-read');
    expect(item?.label).toBe('Reviews read, all of them');
    expect(lastSaved()).toHaveLength(DEFAULT_CHECKLIST.length);
  });

  it('Escape cancels a rename and an unchanged name saves nothing', () => {
    const { save } = setup();
    const input = screen.getByLabelText('Label of “Reviews read”') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Oops' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    fireEvent.blur(input);
    expect(input.value).toBe('Reviews read');
    expect(save).not.toHaveBeenCalled();
  });

  it('reorders with buttons and keeps keyboard focus on the moved item', async () => {
    const { lastSaved } = setup();
    const down = screen.getByRole('button', { name: 'Move “Interview held” down' });
    expect((screen.getByRole('button', { name: 'Move “Interview held” up' }) as HTMLButtonElement).disabled).toBe(true);
    down.focus();
    fireEvent.click(down);
    await waitFor(() => expect(rowIds().slice(0, 2)).toEqual(['reviews-read', 'interview-held']));
    expect(
      lastSaved()
        .slice(0, 2)
        .map((i) => i.id),
    ).toEqual(['reviews-read', 'interview-held']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move “Interview held” down' }));
    expect(screen.getByRole('status').textContent).toBe('Interview held moved to position 2 of 5.');
  });

  it('the last item of a group cannot move down into the next group', () => {
    setup();
    const last = screen.getByRole('button', { name: 'Move “Brief understood” down' }) as HTMLButtonElement;
    expect(last.disabled).toBe(true);
  });

  it('regroups an item', async () => {
    const { lastSaved } = setup();
    fireEvent.change(screen.getByLabelText('Group of “Budget set”'), { target: { value: 'after-delivery' } });
    await waitFor(() => expect(lastSaved().find((i) => i.id === 'budget-set')?.group).toBe('after-delivery'));
    const section = screen.getByRole('heading', { name: 'After delivery' }).closest('section')!;
    expect(within(section).getByLabelText('Label of “Budget set”')).toBeTruthy();
  });

  it('hides and shows an item without removing it', async () => {
    const { lastSaved } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Hide “Reviews read”' }));
    await waitFor(() => expect(lastSaved().find((i) => i.id === 'reviews-read')?.hidden).toBe(true));
    expect(lastSaved()).toHaveLength(DEFAULT_CHECKLIST.length);
    fireEvent.click(screen.getByRole('button', { name: 'Show “Reviews read”' }));
    await waitFor(() => expect(lastSaved().find((i) => i.id === 'reviews-read')?.hidden).toBeUndefined());
  });

  it('adds an item to the chosen group', async () => {
    const { lastSaved } = setup();
    fireEvent.input(screen.getByLabelText('New checklist item'), { target: { value: 'NDA signed' } });
    fireEvent.change(screen.getByLabelText('Group of the new item'), { target: { value: 'contract-budget' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add item' }));
    await waitFor(() => expect(lastSaved().some((i) => i.label === 'NDA signed')).toBe(true));
    const added = lastSaved().find((i) => i.label === 'NDA signed')!;
    expect(added.group).toBe('contract-budget');
    expect(DEFAULT_CHECKLIST.some((i) => i.id === added.id)).toBe(false);
    expect((screen.getByLabelText('New checklist item') as HTMLInputElement).value).toBe('');
  });

  it('reset asks first and keeps the user’s items hidden', async () => {
    const custom: ChecklistItem[] = [...DEFAULT_CHECKLIST.map((i) => ({ ...i })), { id: 'mine', label: 'Mine', group: 'after-delivery' }];
    const { save, lastSaved } = setup(custom);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(save).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByRole('group', { name: 'Confirm reset' })).getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(lastSaved().find((i) => i.id === 'mine')).toEqual({ id: 'mine', label: 'Mine', group: 'after-delivery', hidden: true });
  });

  it('puts the list back when saving fails', async () => {
    let fail!: () => void;
    const save = vi.fn(() => new Promise<boolean>((resolve) => (fail = () => resolve(false))));
    render(<ChecklistEditor checklist={DEFAULT_CHECKLIST.map((i) => ({ ...i }))} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hide “Reviews read”' }));
    await screen.findByRole('button', { name: 'Show “Reviews read”' }); // shown at once
    fail();
    await screen.findByRole('button', { name: 'Hide “Reviews read”' }); // and put back
    expect(screen.queryByRole('button', { name: 'Show “Reviews read”' })).toBeNull();
  });
});
