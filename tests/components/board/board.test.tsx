/**
 * The board (issue 16): the background answers windows of rows; these tests check what the page
 * asks for when filters and sorts change, what a row shows, choosing 2–4 to compare, and the
 * comparison's columns (failed items in red).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BoardApp } from '../../../components/board/BoardApp';
import { defaultSettings } from '../../../lib/db/repositories/settings';
import type { Contractor } from '../../../lib/db/schema';
import type { BoardRow } from '../../../lib/domain/board';
import type { BoardPage, CompareView } from '../../../lib/messaging/protocol';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

const T = Date.UTC(2026, 10, 20);

function row(i: number, patch: Partial<BoardRow> = {}): BoardRow {
  return {
    key: `upwork:~0${i}`,
    name: `Person ${String(i).padStart(5, '0')}`,
    site: 'upwork',
    status: 'prospect',
    profileUrl: `https://www.upwork.com/freelancers/~0${i}`,
    tags: [],
    lastSeenAt: T - i * 1000,
    rating: null,
    ratingCount: 0,
    wouldRehire: null,
    progress: { done: 0, failed: 0, total: 12 },
    ...patch,
  };
}

const TOTAL = 10_000;
let all: BoardRow[];

function page(payload: { offset: number; limit: number; filter: { tag?: string } }): BoardPage {
  const rows = payload.filter.tag ? all.filter((r) => r.tags.includes(payload.filter.tag!)) : all;
  return {
    total: rows.length,
    tracked: all.length,
    offset: payload.offset,
    rows: rows.slice(payload.offset, payload.offset + payload.limit),
    tags: ['logo'],
    lists: [{ id: 'l1', name: 'Logo designers, March', count: 2 }],
    sites: ['fiverr', 'upwork'],
  };
}

function contractor(key: string, name: string, patch: Partial<Contractor> = {}): Contractor {
  return {
    key,
    site: 'upwork',
    siteId: key.split(':')[1]!,
    name,
    profileUrl: `https://www.upwork.com/freelancers/${key.split(':')[1]}`,
    status: 'prospect',
    tags: [],
    firstSeenAt: T,
    lastSeenAt: T,
    history: [],
    links: [],
    createdAt: T,
    updatedAt: T,
    ...patch,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  all = Array.from({ length: TOTAL }, (_, i) => row(i, i < 2 ? { tags: ['logo'] } : {}));
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  client.send.mockImplementation(async (type: string, payload: never) => {
    if (type === 'getBoard') return page(payload);
    if (type === 'getCompare') {
      const view: CompareView = {
        template: defaultSettings().checklist,
        entries: [
          {
            contractor: contractor('upwork:~00', 'Person 00000', {
              rate: { amountMinor: 4500, currency: 'USD', unit: 'hour' },
              history: [{ at: T - 86_400_000 * 30, rate: { amountMinor: 4000, currency: 'USD', unit: 'hour' } }],
              marketplaceRating: { score: 4.8, outOf: 5, count: 12 },
              jobSuccess: 96,
            }),
            checks: [{ contractorKey: 'upwork:~00', itemId: 'reviews-read', state: 'failed', updatedAt: T }],
            notes: [
              { id: 'n1', contractorKey: 'upwork:~00', kind: 'interview', body: 'Answered every question', createdAt: T, updatedAt: T },
            ],
            ratings: [],
            projects: [],
          },
          {
            contractor: contractor('upwork:~01', 'Person 00001'),
            checks: [{ contractorKey: 'upwork:~01', itemId: 'reviews-read', state: 'done', updatedAt: T }],
            notes: [
              { id: 'n2', contractorKey: 'upwork:~01', kind: 'reference', body: 'Former client: on time', createdAt: T, updatedAt: T },
            ],
            ratings: [
              {
                id: 'r',
                contractorKey: 'upwork:~01',
                quality: 5,
                communication: 4,
                timeliness: 4,
                value: 3,
                wouldRehire: true,
                createdAt: T,
                updatedAt: T,
              },
            ],
            projects: [],
          },
        ],
      };
      return view;
    }
    if (type === 'updateContractor') return contractor('upwork:~00', 'Person 00000', { status: 'shortlisted' });
    throw new Error(`unexpected request ${type}`);
  });
});
afterEach(cleanup);

const boardCalls = () => client.send.mock.calls.filter(([t]) => t === 'getBoard').map(([, p]) => p);

describe('contractor board', () => {
  it('draws only the rows in view out of 10,000, and asks for one window', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    const rows = await screen.findAllByTestId('contractor-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('data-key')).toBe('upwork:~00');
    expect(screen.getByText('10,000 contractors')).toBeTruthy();
    expect(boardCalls()).toEqual([{ filter: {}, sort: { by: 'lastSeen', dir: 'desc' }, offset: 0, limit: 100 }]);
    expect(screen.getByRole('table', { name: 'Contractors' }).getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
  });

  it('sends each filter to the background and shows what comes back', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'logo' } });
    await waitFor(() => expect(screen.getAllByTestId('contractor-row')).toHaveLength(2));
    expect(screen.getByText('2 of 10,000 contractors')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'shortlisted' } });
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'fiverr' } });
    fireEvent.change(screen.getByLabelText('Vetting'), { target: { value: 'has-failed' } });
    fireEvent.change(screen.getByLabelText('List'), { target: { value: 'l1' } });
    await waitFor(() =>
      expect(boardCalls().at(-1)).toMatchObject({
        filter: { tag: 'logo', status: 'shortlisted', site: 'fiverr', progress: 'has-failed', listId: 'l1' },
      }),
    );
    fireEvent.input(screen.getByLabelText('Search contractors'), { target: { value: 'figma' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ filter: { query: 'figma' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ filter: {} }));
  });

  it('opens filtered by the list in the address', async () => {
    render(<BoardApp search="?list=l1" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    expect(boardCalls()[0]).toMatchObject({ filter: { listId: 'l1' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logo designers, March');
  });

  it('sorts by each key, starting in its natural direction, and flips', async () => {
    render(<BoardApp search="" locale="en-US" fallbackHeight={600} />);
    await screen.findAllByTestId('contractor-row');
    const sort = screen.getByLabelText('Sort by');
    fireEvent.change(sort, { target: { value: 'rating' } });
    await waitFor(() => expect(boardCalls().at(-1)).toMatchObject({ sort: { by: 'rating', dir: 'desc' } }));
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
    expect(columns.map((c) => c.getAttribute('data-key'))).toEqual(['upwork:~00', 'upwork:~01']);
    expect(client.send).toHaveBeenCalledWith('getCompare', { keys: ['upwork:~00', 'upwork:~01'] });
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
    await waitFor(() =>
      expect(client.send).toHaveBeenCalledWith('updateContractor', { key: 'upwork:~00', patch: { status: 'shortlisted' } }),
    );
    expect(await screen.findByText('Person 00000 is now shortlisted.')).toBeTruthy();

    // Start a project: the new-project form for them opens beside the board (here, with no side
    // panel, in a new tab); the comparison stays.
    const create = vi.spyOn(browser.tabs, 'create');
    const before = location.href;
    fireEvent.click(second.getByRole('button', { name: /Start a project/ }));
    expect(await screen.findByText('The new project with Person 00001 is open in a new tab.')).toBeTruthy();
    expect(String(create.mock.calls[0]![0].url)).toMatch(/sidepanel\.html\?new=1&contractor=upwork%3A%7E01$/);
    expect(location.href).toBe(before);
    expect(screen.getAllByTestId('compare-column')).toHaveLength(2);
    expect(client.send.mock.calls.some(([t]) => t === 'createProject')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the board' }));
    expect(await screen.findAllByTestId('contractor-row')).not.toHaveLength(0);
  });
});
