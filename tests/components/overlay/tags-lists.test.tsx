/** Issue 16: tags (autocomplete from tags in use) and lists in the overlay. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TagsAndLists, cleanTag } from '../../../components/overlay/TagsAndLists';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { contractor, T0 } from './data';
import { defaultSettings } from '../../../lib/db/repositories/settings';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

const KEY = 'upwork:~01abc';
let memberOf: string[] = [];

beforeEach(() => {
  resetFakeClient();
  memberOf = [];
  answer('getTags', () => ['Logo', 'copywriting']);
  answer('listLists', () => ({ lists: [{ id: 'l1', name: 'Writers', count: 3 }], memberOf }));
  answer('updateContractor', (p) => contractor({ key: KEY, tags: p.patch.tags ?? [] }));
  answer('setListMember', (p) => {
    memberOf = p.member ? [p.listId] : [];
    return { id: p.listId, name: 'Writers', keys: [], createdAt: T0, updatedAt: T0 };
  });
  answer('saveList', (p) => ({ id: 'l2', name: p.name, keys: [KEY], createdAt: T0, updatedAt: T0 }));
});
afterEach(cleanup);

describe('tags and lists in the overlay', () => {
  it('offers the tags already in use and adds one, reusing its spelling', async () => {
    render(<TagsAndLists contractor={contractor({ key: KEY, tags: [] })} />);
    await waitFor(() => expect(document.querySelectorAll('#ov-tag-suggestions option')).toHaveLength(2));
    const input = screen.getByLabelText('Add a tag');
    expect(input.getAttribute('list')).toBe('ov-tag-suggestions');
    fireEvent.input(input, { target: { value: '  logo ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(callsOf('updateContractor')).toEqual([{ key: KEY, patch: { tags: ['Logo'] } }]));
    expect(await screen.findByRole('button', { name: 'Remove tag Logo' })).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('removes a tag, and puts it back when the save fails', async () => {
    fail('updateContractor', 'Disk is full');
    render(<TagsAndLists contractor={contractor({ key: KEY, tags: ['urgent'] })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag urgent' }));
    expect(await screen.findByText('Tags not saved: Disk is full')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove tag urgent' })).toBeTruthy();
  });

  it('puts the contractor on a list and takes them off', async () => {
    render(<TagsAndLists contractor={contractor({ key: KEY })} />);
    const box = (await screen.findByRole('checkbox', { name: /Writers/ })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect((screen.getByRole('checkbox', { name: /Writers/ }) as HTMLInputElement).checked).toBe(true));
    expect(callsOf('setListMember')).toEqual([{ listId: 'l1', key: KEY, member: true }]);
  });

  it('creates a new list with the contractor on it', async () => {
    render(<TagsAndLists contractor={contractor({ key: KEY })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New list' }));
    fireEvent.input(screen.getByLabelText('Name of the new list'), { target: { value: 'Logo designers, March' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create and add' }));
    await waitFor(() => expect(callsOf('saveList')).toEqual([{ name: 'Logo designers, March', addKey: KEY }]));
    expect(await screen.findByRole('button', { name: 'New list' })).toBeTruthy();
  });

  it('chooses the list a click on a search-result mark adds to, and can go back to none', async () => {
    let cardListId: string | null | undefined;
    answer('getSettings', () => ({ ...defaultSettings(), ...(cardListId !== undefined ? { cardListId } : {}) }));
    answer('updateSettings', (p) => {
      cardListId = p.patch.cardListId;
      return { ...defaultSettings(), cardListId };
    });
    render(<TagsAndLists contractor={contractor({ key: KEY })} />);
    const select = (await screen.findByLabelText('One click on a search-result mark shortlists and adds to')) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('');
    fireEvent.change(select, { target: { value: 'l1' } });
    await waitFor(() => expect(callsOf('updateSettings')).toEqual([{ patch: { cardListId: 'l1' } }]));
    await waitFor(() => expect(select.value).toBe('l1'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(callsOf('updateSettings')).toHaveLength(2));
    expect(callsOf('updateSettings')[1]).toEqual({ patch: { cardListId: null } });
  });

  it('cleans typed tags', () => {
    expect(cleanTag('  two   words ')).toBe('two words');
    expect(cleanTag('   ')).toBe('');
    expect(cleanTag('x'.repeat(150))).toHaveLength(100);
  });
});
