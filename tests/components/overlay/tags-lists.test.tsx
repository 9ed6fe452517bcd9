/** Issue 16: tags (autocomplete from tags in use) and lists in the overlay, on the real background. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TagsAndLists, cleanTag } from '../../../components/overlay/TagsAndLists';
import type { Contractor, ContractorList } from '../../../lib/db/schema';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
const OTHER = 'upwork:~02bob';
let bg: RealBackground;
let writers: ContractorList;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  // Another contractor whose tags are the ones in use, and a list they are on.
  const url = 'https://www.upwork.com/freelancers/~02bob';
  await bg.ok(
    'reportPage',
    { site: 'upwork', profile: snapshot({ key: OTHER, siteId: '~02bob', name: 'Bob Babbage', profileUrl: url }) },
    senders.content(url, 8),
  );
  await bg.ok('updateContractor', { key: OTHER, patch: { tags: ['Logo', 'copywriting'] } }, senders.sidepanel());
  writers = await bg.ok('saveList', { name: 'Writers', addKey: OTHER }, senders.sidepanel());
});
afterEach(cleanup);

async function current(): Promise<Contractor> {
  return (await bg.ok('getContractor', { key: KEY }))!.contractor;
}
const sentOf = (type: string) => bg.sent.filter((r) => r.type === type).map((r) => r.payload);
const writersBox = () => screen.getByRole('checkbox', { name: /Writers/ }) as HTMLInputElement;

describe('tags and lists in the overlay', () => {
  it('offers the tags already in use and adds one, reusing its spelling', async () => {
    render(<TagsAndLists contractor={await current()} />);
    await waitFor(() =>
      expect([...document.querySelectorAll('#ov-tag-suggestions option')].map((o) => o.getAttribute('value'))).toEqual([
        'copywriting',
        'Logo',
      ]),
    );
    const input = screen.getByLabelText('Add a tag');
    expect(input.getAttribute('list')).toBe('ov-tag-suggestions');
    fireEvent.input(input, { target: { value: '  logo ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByRole('button', { name: 'Remove tag Logo' })).toBeTruthy();
    expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { tags: ['Logo'] } }]);
    await waitFor(async () => expect((await bg.db.contractors.get(KEY))!.tags).toEqual(['Logo']));
    expect((input as HTMLInputElement).value).toBe('');
    // The tag now shown is no longer suggested.
    await waitFor(() =>
      expect([...document.querySelectorAll('#ov-tag-suggestions option')].map((o) => o.getAttribute('value'))).toEqual(['copywriting']),
    );
  });

  it('removes a tag, and puts it back when the save fails', async () => {
    await bg.ok('updateContractor', { key: KEY, patch: { tags: ['urgent', 'later'] } }, senders.sidepanel());
    bg.failNext('updateContractor', 'quota', 'Disk is full');
    render(<TagsAndLists contractor={await current()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag urgent' }));
    expect(await screen.findByText('Tags not saved: Disk is full')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove tag urgent' })).toBeTruthy();
    expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { tags: ['later'] } }]);
    expect((await bg.db.contractors.get(KEY))!.tags).toEqual(['urgent', 'later']);

    // Once the background takes it, the tag is gone for real.
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag urgent' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag urgent' })).toBeNull());
    await waitFor(async () => expect((await bg.db.contractors.get(KEY))!.tags).toEqual(['later']));
    expect(screen.getByRole('button', { name: 'Remove tag later' })).toBeTruthy();
    expect(screen.queryByText(/Tags not saved/)).toBeNull();
  });

  it('puts the contractor on a list and takes them off', async () => {
    render(<TagsAndLists contractor={await current()} />);
    const box = (await screen.findByRole('checkbox', { name: /Writers/ })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(writersBox().checked).toBe(true));
    expect(sentOf('setListMember')).toEqual([{ listId: writers.id, key: KEY, member: true }]);
    expect((await bg.db.lists.get(writers.id))!.keys).toEqual([OTHER, KEY]);

    await waitFor(() => expect(writersBox().disabled).toBe(false));
    fireEvent.click(writersBox());
    await waitFor(() => expect(writersBox().checked).toBe(false));
    expect(sentOf('setListMember')[1]).toEqual({ listId: writers.id, key: KEY, member: false });
    expect((await bg.db.lists.get(writers.id))!.keys).toEqual([OTHER]);
  });

  it('creates a new list with the contractor on it', async () => {
    render(<TagsAndLists contractor={await current()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New list' }));
    fireEvent.input(screen.getByLabelText('Name of the new list'), { target: { value: 'Logo designers, March' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and add' }));
    expect(await screen.findByRole('button', { name: 'New list' })).toBeTruthy();
    expect(sentOf('saveList')).toEqual([{ name: 'Logo designers, March', addKey: KEY }]);
    const made = (await bg.db.lists.toArray()).filter((l) => l.id !== writers.id);
    expect(made.map((l) => [l.name, l.keys])).toEqual([['Logo designers, March', [KEY]]]);
    const box = (await screen.findByRole('checkbox', { name: /Logo designers, March/ })) as HTMLInputElement;
    expect(box.checked).toBe(true);
  });

  it('chooses the list a click on a search-result mark adds to, and can go back to none', async () => {
    render(<TagsAndLists contractor={await current()} />);
    const select = (await screen.findByLabelText('One click on a search-result mark shortlists and adds to')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: writers.id } });
    await waitFor(() => expect(sentOf('updateSettings')).toEqual([{ patch: { cardListId: writers.id } }]));
    await waitFor(() => expect(select.value).toBe(writers.id));
    expect((await bg.ok('getSettings', {})).cardListId).toBe(writers.id);
    await waitFor(() => expect(select.disabled).toBe(false));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(sentOf('updateSettings')).toHaveLength(2));
    expect(sentOf('updateSettings')[1]).toEqual({ patch: { cardListId: null } });
    await waitFor(() => expect(select.value).toBe(''));
    expect((await bg.ok('getSettings', {})).cardListId ?? null).toBeNull();
  });

  it('cleans typed tags', () => {
    expect(cleanTag('  two   words ')).toBe('two words');
    expect(cleanTag('   ')).toBe('');
    expect(cleanTag('x'.repeat(150))).toHaveLength(100);
  });
});
