import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteContractor, DeleteEverything } from '../../../components/options/DeleteSection';
import type { Contractor } from '../../../lib/db/schema';
import { NOW } from './helpers';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
});
afterEach(cleanup);

function person(key: string, name: string): Contractor {
  const [site, siteId] = key.split(':') as [Contractor['site'], string];
  return {
    key,
    site,
    siteId,
    name,
    profileUrl: `https://example.com/${siteId}`,
    status: 'prospect',
    tags: [],
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    history: [],
    links: [],
    createdAt: NOW,
    updatedAt: NOW,
  };
}
const PEOPLE = [person('upwork:~01a', 'Sergii C.'), person('fiverr:toni', 'Toni G.')];

describe('DeleteContractor', () => {
  beforeEach(() => {
    client.send.mockImplementation(async (type: string, payload: { query?: string; key?: string }) => {
      if (type === 'listContractors') {
        const q = payload.query?.toLowerCase();
        return PEOPLE.filter((p) => !q || p.name.toLowerCase().includes(q));
      }
      if (type === 'deleteContractor') return { deleted: true };
      throw new Error(`unexpected ${type}`);
    });
  });

  it('searches, picks one, asks, then deletes them with their checks, notes and ratings', async () => {
    render(<DeleteContractor />);
    await screen.findByRole('button', { name: /Toni G\./ });
    fireEvent.input(screen.getByLabelText('Find a contractor'), { target: { value: 'serg' } });
    await waitFor(() => expect(screen.queryByRole('button', { name: /Toni G\./ })).toBeNull());
    expect(client.send).toHaveBeenCalledWith('listContractors', { limit: 50, query: 'serg' });

    fireEvent.click(screen.getByRole('button', { name: /Sergii C\./ }));
    const confirm = screen.getByRole('group', { name: 'Delete Sergii C.' });
    expect(confirm.textContent).toContain('with their checklist, notes and ratings');
    expect(client.send).not.toHaveBeenCalledWith('deleteContractor', expect.anything());
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete Sergii C.' }));
    expect((await screen.findByRole('status')).textContent).toContain('Sergii C. and their checks, notes and ratings were deleted.');
    expect(client.send).toHaveBeenCalledWith('deleteContractor', { key: 'upwork:~01a' });
  });

  it('cancel deletes nothing', async () => {
    render(<DeleteContractor />);
    fireEvent.click(await screen.findByRole('button', { name: /Toni G\./ }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(client.send.mock.calls.every((c) => c[0] === 'listContractors')).toBe(true);
  });
});

describe('DeleteEverything', () => {
  it('stays disabled until DELETE is typed exactly, then deletes', async () => {
    client.send.mockResolvedValue({ ok: true });
    render(<DeleteEverything />);
    const button = screen.getByRole('button', { name: 'Delete all my Vetted data' }) as HTMLButtonElement;
    const input = screen.getByLabelText('Type DELETE to confirm');
    expect(button.disabled).toBe(true);
    fireEvent.input(input, { target: { value: 'delete' } });
    expect(button.disabled).toBe(true);
    fireEvent.submit(button.closest('form')!);
    expect(client.send).not.toHaveBeenCalled();
    fireEvent.input(input, { target: { value: 'DELETE' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect((await screen.findByRole('status')).textContent).toBe('All Vetted data was deleted.');
    expect(client.send).toHaveBeenCalledWith('deleteEverything', { confirm: 'DELETE' });
  });

  it('shows the error when deleting fails', async () => {
    client.send.mockRejectedValue(new Error('Vetted could not reach its storage.'));
    render(<DeleteEverything />);
    fireEvent.input(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my Vetted data' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Vetted could not reach its storage.');
  });
});
