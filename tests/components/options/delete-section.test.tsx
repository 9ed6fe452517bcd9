/** Deleting one contractor or everything from Options, on the real background: what is gone is gone from the database. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeleteContractor, DeleteEverything } from '../../../components/options/DeleteSection';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

/** The options page (the harness names no options sender). */
const optionsPage = senders.options;
const SERGII = 'upwork:~01a';
const TONI = 'fiverr:toni';
let bg: RealBackground;

/** A tracked contractor with a check, a note and a rating of theirs. */
async function tracked(key: string, name: string, profileUrl: string) {
  const [site, siteId] = key.split(':') as ['upwork' | 'fiverr', string];
  await bg.ok('reportPage', { site, profile: snapshot({ key, site, siteId, name, profileUrl }) }, senders.content(profileUrl));
  await bg.ok('setCheck', { contractorKey: key, itemId: 'reviews-read', state: 'done' });
  await bg.ok('saveNote', { contractorKey: key, kind: 'general', body: `About ${name}` });
  await bg.ok('saveRating', {
    rating: { contractorKey: key, quality: 4, communication: 4, timeliness: 4, value: 4, wouldRehire: true },
  });
}
const theirs = async (key: string) => ({
  contractor: (await bg.db.contractors.get(key)) !== undefined,
  checks: await bg.db.checks.where('contractorKey').equals(key).count(),
  notes: await bg.db.notes.where('contractorKey').equals(key).count(),
  ratings: await bg.db.ratings.where('contractorKey').equals(key).count(),
});
const ALL_THERE = { contractor: true, checks: 1, notes: 1, ratings: 1 };

beforeEach(async () => {
  bg = realBackground(optionsPage);
  await tracked(SERGII, 'Sergii C.', 'https://www.upwork.com/freelancers/~01a');
  await tracked(TONI, 'Toni G.', 'https://www.fiverr.com/toni');
  expect(await theirs(SERGII)).toEqual(ALL_THERE);
  expect(await theirs(TONI)).toEqual(ALL_THERE);
});
afterEach(cleanup);

describe('DeleteContractor', () => {
  it('searches, picks one, asks, then deletes them with their checks, notes and ratings', async () => {
    render(<DeleteContractor />);
    await screen.findByRole('button', { name: /Toni G\./ });
    fireEvent.input(screen.getByLabelText('Find a contractor'), { target: { value: 'serg' } });
    await waitFor(() => expect(screen.queryByRole('button', { name: /Toni G\./ })).toBeNull());
    expect(bg.sent).toContainEqual({ type: 'listContractors', payload: { limit: 50, query: 'serg' } });

    fireEvent.click(screen.getByRole('button', { name: /Sergii C\./ }));
    const confirm = screen.getByRole('group', { name: 'Delete Sergii C.' });
    expect(confirm.textContent).toContain('with their checklist, notes and ratings');
    expect(bg.sent.filter((r) => r.type === 'deleteContractor')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete Sergii C.' }));
    expect((await screen.findByRole('status')).textContent).toContain('Sergii C. and their checks, notes and ratings were deleted.');
    expect(bg.sent.filter((r) => r.type === 'deleteContractor')).toEqual([{ type: 'deleteContractor', payload: { key: SERGII } }]);
    expect(await theirs(SERGII)).toEqual({ contractor: false, checks: 0, notes: 0, ratings: 0 });
    expect(await theirs(TONI)).toEqual(ALL_THERE);
  });

  it('cancel deletes nothing', async () => {
    render(<DeleteContractor />);
    fireEvent.click(await screen.findByRole('button', { name: /Toni G\./ }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(bg.sent.length).toBeGreaterThan(0);
    expect(bg.sent.every((r) => r.type === 'listContractors')).toBe(true);
    expect(await theirs(TONI)).toEqual(ALL_THERE);
    expect(await theirs(SERGII)).toEqual(ALL_THERE);
  });
});

describe('DeleteEverything', () => {
  it('stays disabled until DELETE is typed exactly, then deletes', async () => {
    render(<DeleteEverything />);
    const button = screen.getByRole('button', { name: 'Delete all my Vetted data' }) as HTMLButtonElement;
    const input = screen.getByLabelText('Type DELETE to confirm');
    expect(button.disabled).toBe(true);
    fireEvent.input(input, { target: { value: 'delete' } });
    expect(button.disabled).toBe(true);
    fireEvent.submit(button.closest('form')!);
    expect(bg.sent).toEqual([]);
    fireEvent.input(input, { target: { value: 'DELETE' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect((await screen.findByRole('status')).textContent).toBe('All Vetted data was deleted.');
    expect(bg.sent).toEqual([{ type: 'deleteEverything', payload: { confirm: 'DELETE' } }]);
    const counts = await bg.counts();
    expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('shows the error when deleting fails', async () => {
    bg.setUnreachable(true);
    render(<DeleteEverything />);
    fireEvent.input(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my Vetted data' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Vetted could not reach its storage.');
    expect(bg.sent).toEqual([{ type: 'deleteEverything', payload: { confirm: 'DELETE' } }]);
    expect(await theirs(SERGII)).toEqual(ALL_THERE);

    // Reached, but refused: the background's own words.
    bg.setUnreachable(false);
    bg.failNext('deleteEverything', 'internal', 'The database is busy. Please try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my Vetted data' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The database is busy. Please try again.'));
    expect(bg.sent.filter((r) => r.type === 'deleteEverything')).toHaveLength(2);
    expect(await theirs(SERGII)).toEqual(ALL_THERE);
    expect(await theirs(TONI)).toEqual(ALL_THERE);
  });
});
