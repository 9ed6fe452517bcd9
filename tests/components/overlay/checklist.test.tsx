import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Check, ChecklistItem } from '../../../lib/db/schema';
import type { ContractorView, RequestPayload } from '../../../lib/messaging/protocol';
import { Checklist } from '../../../components/overlay/Checklist';
import { DEFAULT_CHECKLIST } from '../../../lib/domain/checklist';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
const TEMPLATE: ChecklistItem[] = [
  { id: 'interview-held', label: 'Interview held', group: 'before-hiring', hint: 'Talk live' },
  { id: 'reviews-read', label: 'Reviews read', group: 'before-hiring' },
  { id: 'budget-set', label: 'Budget set', group: 'contract-budget' },
  { id: 'hidden-one', label: 'Hidden item', group: 'contract-budget', hidden: true },
];

let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

/** What the background gives the overlay for KEY. */
async function shown(): Promise<ContractorView> {
  return (await bg.ok('getContractor', { key: KEY }))!;
}
const stored = (itemId: string): Promise<Check | undefined> => bg.db.checks.get([KEY, itemId]);
const sentChecks = () => bg.sent.filter((r) => r.type === 'setCheck').map((r) => r.payload as RequestPayload<'setCheck'>);
/** Another overlay (tab 8) sets a check of KEY's. */
const elsewhere = (itemId: string, change: { state?: Check['state']; note?: string }) =>
  bg.ok('setCheck', { contractorKey: KEY, itemId, ...change }, senders.overlay(8));

function row(itemId: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-testid="checklist-item"][data-item-id="${itemId}"]`);
  if (!el) throw new Error(`no row ${itemId}`);
  return el;
}

describe('Checklist', () => {
  it('lists visible items in named groups with a checkbox each and the progress', async () => {
    await elsewhere('reviews-read', { state: 'done' });
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
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
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Interview held' }));
    expect(screen.getByRole('checkbox', { name: 'Interview held' })).toHaveProperty('checked', true);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    await waitFor(() => expect(sentChecks()).toEqual([{ contractorKey: KEY, itemId: 'interview-held', state: 'done' }]));
    await waitFor(async () => expect((await stored('interview-held'))?.state).toBe('done'));
    expect((await shown()).checks.map((c) => [c.itemId, c.state])).toEqual([['interview-held', 'done']]);
  });

  it('keeps a fresh tick shown when the checks refresh for another reason before its write is answered', async () => {
    const before = (await shown()).checks;
    const { rerender } = render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={before} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Interview held' }));
    // The page reported itself again: the overlay reads the contractor once more, the tick not yet in it.
    await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={[...before]} />);
    expect(screen.getByRole('checkbox', { name: 'Interview held' })).toHaveProperty('checked', true);
    await waitFor(async () => expect((await stored('interview-held'))?.state).toBe('done'));
    // Answered: the refresh the write caused shows the stored state, and it still reads ticked.
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    expect(screen.getByRole('checkbox', { name: 'Interview held' })).toHaveProperty('checked', true);
  });

  it('marks an item failed or not applicable with its state menu', async () => {
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'State of “Budget set”' }), { target: { value: 'na' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'State of “Reviews read”' }), { target: { value: 'failed' } });
    await waitFor(() =>
      expect(sentChecks().map((c) => [c.itemId, c.state])).toEqual([
        ['budget-set', 'na'],
        ['reviews-read', 'failed'],
      ]),
    );
    await waitFor(async () => expect((await stored('reviews-read'))?.state).toBe('failed'));
    expect((await stored('budget-set'))?.state).toBe('na');
    // n/a leaves the total; failed counts but is not done.
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('0 of 2 checks done, 1 failed');
    expect(screen.getByText(/1 check failed/)).toBeTruthy();
    expect(row('reviews-read').className).toContain('ov-check--failed');
  });

  it('puts the stored state back and says why when the save fails', async () => {
    bg.failNext('setCheck', 'quota', 'Storage is full');
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Budget set' }));
    expect(await within(row('budget-set')).findByRole('alert')).toHaveProperty('textContent', 'Storage is full');
    expect(screen.getByRole('checkbox', { name: 'Budget set' })).toHaveProperty('checked', false);
    expect(sentChecks()).toEqual([{ contractorKey: KEY, itemId: 'budget-set', state: 'done' }]);
    expect(await stored('budget-set')).toBeUndefined();
  });

  it('adds a note to an item, and keeps the typed note when saving fails', async () => {
    bg.failNext('setCheck', 'quota', 'Storage is full');
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a note to “Interview held”' }));
    const box = screen.getByRole('textbox', { name: 'Note on “Interview held”' });
    fireEvent.input(box, { target: { value: 'Asked about deadlines' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await within(row('interview-held')).findByRole('alert')).toHaveProperty('textContent', 'Storage is full');
    expect(screen.getByRole('textbox', { name: 'Note on “Interview held”' })).toHaveProperty('value', 'Asked about deadlines');
    expect(await stored('interview-held')).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on “Interview held”' })).toBeNull());
    expect(sentChecks()).toHaveLength(2);
    expect(sentChecks().at(-1)).toEqual({
      contractorKey: KEY,
      itemId: 'interview-held',
      note: 'Asked about deadlines',
      baseUpdatedAt: 0,
    });
    const saved = await stored('interview-held');
    expect([saved?.state, saved?.note]).toEqual(['todo', 'Asked about deadlines']);
  });

  it('shows a stored item note as inert text', async () => {
    const hostile = '<img src=x onerror="alert(1)"> مرحبا 👋';
    await elsewhere('reviews-read', { state: 'done', note: hostile });
    expect((await stored('reviews-read'))?.note).toBe(hostile);
    render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    expect(within(row('reviews-read')).getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit note on “Reviews read”' })).toBeTruthy();
  });
});

describe('Checklist: ticks the data proves (issue 14)', () => {
  // The default template's item a saved rating proves.
  const RATED = DEFAULT_CHECKLIST.find((i) => i.id === 'rating-recorded')!;
  const WITH_RATED = [...TEMPLATE, RATED];
  const rateOnce = () =>
    bg.ok(
      'saveRating',
      { rating: { contractorKey: KEY, quality: 4, communication: 4, timeliness: 4, value: 4, wouldRehire: true } },
      senders.sidepanel(),
    );
  const rowOf = (id: string) => screen.getAllByTestId('checklist-item').find((li) => li.getAttribute('data-item-id') === id)!;

  it('shows a derived tick as ticked and marked Auto, counts it, and unticking overrides it', async () => {
    await rateOnce();
    const view = await shown();
    expect(view.derived).toEqual([{ itemId: RATED.id, reason: 'You saved a rating' }]);
    const { rerender } = render(<Checklist contractorKey={KEY} template={WITH_RATED} checks={view.checks} derived={view.derived} />);
    const box = within(rowOf(RATED.id)).getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(within(rowOf(RATED.id)).getByText('Auto')).toBeTruthy();
    expect(rowOf(RATED.id).textContent).toContain('Ticked automatically: You saved a rating. Untick to override.');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    fireEvent.click(box);
    await waitFor(() => expect(sentChecks()).toEqual([{ contractorKey: KEY, itemId: RATED.id, state: 'todo' }]));
    await waitFor(async () => expect((await stored(RATED.id))?.state).toBe('todo'));
    // What the background gives next: the user's untick wins over the proof.
    const next = await shown();
    rerender(<Checklist contractorKey={KEY} template={WITH_RATED} checks={next.checks} derived={next.derived} />);
    expect((within(rowOf(RATED.id)).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByText('Auto')).toBeNull();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
  });

  it('a check the user set wins: no Auto mark', async () => {
    await elsewhere(RATED.id, { state: 'failed' });
    await rateOnce();
    const view = await shown();
    expect(view.derived?.map((d) => d.itemId)).toEqual([RATED.id]);
    render(<Checklist contractorKey={KEY} template={WITH_RATED} checks={view.checks} derived={view.derived} />);
    expect(screen.queryByText('Auto')).toBeNull();
    expect(rowOf(RATED.id).className).toContain('ov-check--failed');
  });
});

describe('a checklist note edited in two tabs (issue 12, attack 7)', () => {
  it('the save carries the version it began from; a refused one keeps the text and offers load or overwrite', async () => {
    const start = await elsewhere('reviews-read', { state: 'done', note: 'Three good reviews' });
    const { rerender } = render(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note on “Reviews read”' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on “Reviews read”' }), { target: { value: 'Mine' } });
    // Another tab saves the same note while this one edits it.
    bg.clock.now += 1000;
    const theirs = await elsewhere('reviews-read', { note: 'Their note' });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const alert = await screen.findByTestId('changed-elsewhere');
    expect(alert.textContent).toContain('Your changes were not saved');
    expect(sentChecks().at(-1)).toMatchObject({ note: 'Mine', baseUpdatedAt: start.updatedAt });
    expect((screen.getByRole('textbox', { name: 'Note on “Reviews read”' }) as HTMLTextAreaElement).value).toBe('Mine');
    expect((await stored('reviews-read'))?.note).toBe('Their note');
    // The other tab's version arrives (broadcast); "Load the other version" shows it in the editor.
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(screen.getByRole('button', { name: 'Load the other version' }));
    expect((screen.getByRole('textbox', { name: 'Note on “Reviews read”' }) as HTMLTextAreaElement).value).toBe('Their note');
    expect(screen.queryByTestId('changed-elsewhere')).toBeNull();
    // Typing again and "Save mine over it" after another change saves from the newest version.
    fireEvent.input(screen.getByRole('textbox', { name: 'Note on “Reviews read”' }), { target: { value: 'Merged' } });
    bg.clock.now += 1000;
    const third = await elsewhere('reviews-read', { note: 'Third' });
    expect(third.updatedAt).toBeGreaterThan(theirs.updatedAt);
    rerender(<Checklist contractorKey={KEY} template={TEMPLATE} checks={(await shown()).checks} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save mine over it' }));
    await waitFor(() => expect(sentChecks().at(-1)).toMatchObject({ note: 'Merged', baseUpdatedAt: third.updatedAt }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Note on “Reviews read”' })).toBeNull());
    const saved = await stored('reviews-read');
    expect([saved?.state, saved?.note]).toEqual(['done', 'Merged']);
  });
});
