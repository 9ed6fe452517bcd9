/**
 * The board (issue 16), on the real background: board.html's own send goes over fakeBrowser to the
 * router, which answers windows of rows out of 10,000 contractors in fake-indexeddb. These tests
 * check what the page asks for when filters and sorts change and that what comes back is what it
 * shows, what a row shows, choosing 2–4 to compare, and the comparison's columns (failed items in
 * red), whose Shortlist is stored.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BoardApp } from '../../../components/board/BoardApp';
import type { Contractor, ContractorList } from '../../../lib/db/schema';
import type { RequestPayload } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

// Restoring 10,000 contractors into fake-indexeddb before each test takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const T = Date.UTC(2026, 10, 20);
const TOTAL = 10_000;
const DAY = 86_400_000;
const key = (i: number) => `upwork:~0${i}`;
let bg: RealBackground;
let list: ContractorList;

/** Contractor i of the 10,000: newest first by i; the first two tagged "logo". */
function person(i: number, patch: Partial<Contractor> = {}): Contractor {
  return {
    key: key(i),
    site: 'upwork',
    siteId: `~0${i}`,
    name: `Person ${String(i).padStart(5, '0')}`,
    profileUrl: `https://www.upwork.com/freelancers/~0${i}`,
    status: 'prospect',
    tags: i < 2 ? ['logo'] : [],
    firstSeenAt: T - i * 1000,
    lastSeenAt: T - i * 1000,
    history: [],
    links: [],
    createdAt: T - i * 1000,
    updatedAt: T - i * 1000,
    ...patch,
  };
}

beforeEach(async () => {
  bg = realBackground(senders.board);
  // The 10,000 arrive as a restore does (one importBackup through the router, from Options).
  const backup = JSON.parse((await bg.ok('exportBackup', {}, senders.options())).text) as { data: { contractors: Contractor[] } };
  backup.data.contractors.push(
    person(0, {
      rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' },
      history: [{ at: T - DAY * 30, rate: { amountMinor: 4000, currency: 'USD', unit: 'hour' } }],
      marketplaceRating: { score: 4.8, outOf: 5, count: 12 },
      jobSuccess: 96,
    }),
    ...Array.from({ length: TOTAL - 1 }, (_, i) => person(i + 1)),
  );
  await bg.ok('importBackup', { text: JSON.stringify(backup) }, senders.options());
  // What the comparison of the first two shows, written as the overlay and the side panel write it.
  await bg.ok('setCheck', { contractorKey: key(0), itemId: 'reviews-read', state: 'failed' }, senders.overlay());
  await bg.ok('saveNote', { contractorKey: key(0), kind: 'interview', body: 'Answered every question' }, senders.overlay());
  await bg.ok('setCheck', { contractorKey: key(1), itemId: 'reviews-read', state: 'done' }, senders.overlay());
  await bg.ok('saveNote', { contractorKey: key(1), kind: 'reference', body: 'Former client: on time' }, senders.overlay());
  await bg.ok(
    'saveRating',
    { rating: { contractorKey: key(1), quality: 5, communication: 4, timeliness: 4, value: 3, wouldRehire: true } },
    senders.sidepanel(),
  );
  list = await bg.ok('saveList', { name: 'Logo designers, March', addKey: key(0) }, senders.board());
  await bg.ok('setListMember', { listId: list.id, key: key(1), member: true }, senders.board());
});
afterEach(cleanup);

const boardCalls = () => bg.sent.filter((r) => r.type === 'getBoard').map((r) => r.payload as RequestPayload<'getBoard'>);
const shownKeys = () => screen.queryAllByTestId('contractor-row').map((r) => r.getAttribute('data-key'));

describe('contractor board', () => {
  it('draws only the rows in view out of 10,000, and asks for one window', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    const rows = await screen.findAllByTestId('contractor-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('data-key')).toBe(key(0));
    expect(screen.getByText('10,000 contractors')).toBeTruthy();
    expect(boardCalls()).toEqual([{ filter: {}, sort: { by: 'lastSeen', dir: 'desc' }, offset: 0, limit: 100 }]);
    expect(screen.getByRole('table', { name: 'Contractors' }).getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
  });

  it('sends each filter to the background and shows what comes back', async () => {
    // Toni: on Fiverr, tagged "logo", shortlisted, a failed check, on the list, and a note about Figma.
    const TONI = 'fiverr:toni';
    const toni = 'https://www.fiverr.com/toni';
    await bg.ok(
      'reportPage',
      { site: 'fiverr', profile: snapshot({ key: TONI, site: 'fiverr', siteId: 'toni', name: 'Toni G.', profileUrl: toni }) },
      senders.content(toni),
    );
    await bg.ok('updateContractor', { key: TONI, patch: { tags: ['logo'], status: 'shortlisted' } }, senders.sidepanel());
    await bg.ok('setCheck', { contractorKey: TONI, itemId: 'interview-held', state: 'failed' }, senders.overlay());
    await bg.ok('setListMember', { listId: list.id, key: TONI, member: true }, senders.board());
    await bg.ok('saveNote', { contractorKey: TONI, kind: 'interview', body: 'Works in Figma every day' }, senders.overlay());
    const tracked = (TOTAL + 1).toLocaleString('en-US');

    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'logo' } });
    await waitFor(() => expect(shownKeys()).toHaveLength(3));
    expect(shownKeys().sort()).toEqual([TONI, key(0), key(1)].sort());
    expect(screen.getByText(`3 of ${tracked} contractors`)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'shortlisted' } });
    await waitFor(() => expect(shownKeys()).toEqual([TONI]));
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'fiverr' } });
    fireEvent.change(screen.getByLabelText('Vetting'), { target: { value: 'has-failed' } });
    fireEvent.change(screen.getByLabelText('List'), { target: { value: list.id } });
    await waitFor(() =>
      expect(boardCalls().at(-1)).toMatchObject({
        filter: { tag: 'logo', status: 'shortlisted', site: 'fiverr', progress: 'has-failed', listId: list.id },
      }),
    );
    await waitFor(() => expect(screen.getByText(`1 of ${tracked} contractors`)).toBeTruthy());
    await waitFor(() => expect(shownKeys()).toEqual([TONI]));
    // Note text is searched too: "figma" is only in Toni's note; "sketch" is in nobody's.
    fireEvent.input(screen.getByLabelText('Search contractors'), { target: { value: 'sketch' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ filter: { query: 'sketch' } }));
    await waitFor(() => expect(shownKeys()).toEqual([]));
    fireEvent.input(screen.getByLabelText('Search contractors'), { target: { value: 'figma' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ filter: { query: 'figma' } }));
    await waitFor(() => expect(shownKeys()).toEqual([TONI]));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ filter: {} }));
    await waitFor(() => expect(screen.getByText(`${tracked} contractors`)).toBeTruthy());
  });

  it('opens filtered by the list in the address', async () => {
    render(<BoardApp search={`?list=${list.id}`} locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    expect(boardCalls()[0]).toMatchObject({ filter: { listId: list.id } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logo designers, March'));
    expect(shownKeys().sort()).toEqual([key(0), key(1)]);
  });

  it('sorts by each key, starting in its natural direction, and flips', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    const sort = screen.getByLabelText('Sort by');
    fireEvent.change(sort, { target: { value: 'rating' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ sort: { by: 'rating', dir: 'desc' } }));
    // The one contractor you rated comes first.
    await waitFor(() => expect(shownKeys()[0]).toBe(key(1)));
    fireEvent.change(sort, { target: { value: 'rate' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ sort: { by: 'rate', dir: 'asc' } }));
    fireEvent.change(sort, { target: { value: 'progress' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ sort: { by: 'progress', dir: 'desc' } }));
    fireEvent.click(screen.getByRole('button', { name: /switch to ascending/ }));
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ sort: { by: 'progress', dir: 'asc' } }));
    expect(screen.getByRole('columnheader', { name: 'Vetting' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('loads the window the user scrolls to', async () => {
    const { container } = render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    const scroller = container.querySelector('.bd-scroller') as HTMLDivElement;
    // happy-dom lays nothing out, so it cannot scroll: say where the scroll went.
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => 56 * 5000, set: () => undefined });
    fireEvent.scroll(scroller);
    await waitFor(() =>
      expect(screen.getAllByTestId('contractor-row').some((r) => r.getAttribute('data-key') === 'upwork:~05000')).toBe(true),
    );
    expect(boardCalls().some((p) => (p as { offset: number }).offset === 4900)).toBe(true);
  });

  it('compares 2 to 4 picked by name, then shows one column each with failed items marked', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    const compare = screen.getByRole('button', { name: 'Compare' }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00000' }));
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00001' }));
    expect(compare.disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00002' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00003' }));
    // Four chosen: the others wait.
    expect((screen.getByRole('checkbox', { name: 'Person 00004' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00002' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Person 00003' }));
    fireEvent.click(compare);

    const columns = await screen.findAllByTestId('compare-column');
    expect(columns.map((c) => c.getAttribute('data-key'))).toEqual([key(0), key(1)]);
    expect(bg.sent).toContainEqual({ type: 'getCompare', payload: { keys: [key(0), key(1)] } });
    const first = within(columns[0]!);
    expect(first.getByText('$45/h')).toBeTruthy();
    expect(first.getByText(/\+\$5 since/)).toBeTruthy();
    expect(first.getByText('4.8 / 5 (12 reviews)')).toBeTruthy();
    expect(first.getByText('96%')).toBeTruthy();
    expect(first.getByText('Answered every question')).toBeTruthy();
    const failed = first.getByText('Reviews read').closest('li')!;
    expect(failed.className).toContain('cmp-check--failed');
    expect(failed.textContent).toContain('Failed');
    const second = within(columns[1]!);
    expect(second.getByText('Former client: on time')).toBeTruthy();
    expect(second.getByText('4.0 / 5 (1 rating)')).toBeTruthy();
    expect(second.getByText('Yes')).toBeTruthy();

    fireEvent.click(first.getByRole('button', { name: 'Shortlist' }));
    expect(await screen.findByText('Person 00000 is now shortlisted.')).toBeTruthy();
    expect(bg.sent.filter((r) => r.type === 'updateContractor')).toEqual([
      { type: 'updateContractor', payload: { key: key(0), patch: { status: 'shortlisted' } } },
    ]);
    expect((await bg.db.contractors.get(key(0)))?.status).toBe('shortlisted');
    expect((await bg.db.contractors.get(key(1)))?.status).toBe('prospect');

    // Start a project: the new-project form for them opens beside the board (here, with no side
    // panel, in a new tab); the comparison stays.
    const create = vi.spyOn(browser.tabs, 'create');
    const before = location.href;
    fireEvent.click(second.getByRole('button', { name: /Start a project/ }));
    expect(await screen.findByText('The new project with Person 00001 is open in a new tab.')).toBeTruthy();
    expect(String(create.mock.calls[0]![0].url)).toMatch(/sidepanel\.html\?new=1&contractor=upwork%3A%7E01$/);
    expect(location.href).toBe(before);
    expect(screen.getAllByTestId('compare-column')).toHaveLength(2);
    expect(bg.sent.some((r) => r.type === 'createProject')).toBe(false);
    expect(await bg.db.projects.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the board' }));
    expect(await screen.findAllByTestId('contractor-row')).not.toHaveLength(0);
  });
});
