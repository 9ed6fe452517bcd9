import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { Dashboard } from '../../../lib/messaging/protocol';
import { Popup } from '../../../components/popup/Popup';
import { contractor, dashboard, DAY, milestone, NOW, payment, project, rating, view } from './builders';

// Whole-panel renders in happy-dom take seconds on a loaded 2-core machine; 5 s is too tight.
vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({
  send: client.send,
  onChange: client.onChange,
}));

function serve(data: Dashboard) {
  client.send.mockImplementation(async (type: string) => {
    if (type === 'getDashboard') return data;
    if (type === 'logCheckIn') return project({ lastContactAt: NOW });
    throw new Error(`unexpected request ${type}`);
  });
}

function renderPopup() {
  return render(<Popup now={() => NOW} timeZone="UTC" locale="en-US" />);
}

const cards = () => screen.getAllByTestId('project-card');

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(cleanup);

describe('Popup', () => {
  it('welcomes a new user with the three steps to get started', async () => {
    serve(dashboard());
    renderPopup();
    expect(await screen.findByRole('heading', { name: 'Welcome to Vetted' })).toBeTruthy();
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringContaining("Open a contractor's profile"),
      expect.stringContaining('Tick the checklist and write notes'),
      expect.stringContaining('Start a project'),
    ]);
    expect(screen.queryByTestId('project-card')).toBeNull();
    expect(screen.getByRole('button', { name: /New project/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Options' })).toBeTruthy();
  });

  it('tells someone with contractors but no project how to start one', async () => {
    serve(dashboard({ contractorCount: 2, recent: [contractor()] }));
    renderPopup();
    expect(await screen.findByRole('heading', { name: 'No active projects' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recently viewed' })).toBeTruthy();
    expect(screen.getByTestId('recent-item').textContent).toContain('Sergii C.');
    // The status reads as everywhere else, not the raw value (issue 14).
    expect(screen.getByTestId('recent-item').textContent).toContain('Hired');
    expect(screen.getByTestId('recent-item').textContent).not.toContain('hired');
  });

  it('a retainer card shows its amount per month and its next payment (issue 14)', async () => {
    serve(
      dashboard({
        contractorCount: 1,
        projects: [
          view({
            project: project({
              paymentModel: 'retainer',
              rateMinor: 80000,
              retainerPeriod: 'month',
              startDate: '2026-11-01',
              budgetMinor: undefined,
            }),
            payments: [payment({ amountMinor: 80000, paidAt: '2026-11-01' })],
          }),
        ],
      }),
    );
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    const text = card!.textContent ?? '';
    expect(text).toContain('Next payment: $800');
    expect(text).toContain('Dec 1');
    expect(text).toContain('$800/month · $800 paid');
    expect(text).not.toContain('No open milestones');
    expect(text).not.toContain('no budget set');
    const totals = screen.getByTestId('popup-totals').textContent ?? '';
    expect(totals).toContain('Committed $1,600');
  });

  it('shows one project with contractor, site, next milestone, budget and contact', async () => {
    serve(
      dashboard({
        contractorCount: 1,
        projects: [view({ milestones: [milestone()], payments: [payment()] })],
      }),
    );
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    expect(card!.getAttribute('data-project-id')).toBe('p1');
    const text = card!.textContent ?? '';
    expect(text).toContain('Email flows');
    expect(text).toContain('Sergii C. · Upwork');
    expect(text).toContain('Next: First draft');
    expect(text).toContain('Dec 10');
    expect(text).toContain('$500 of $2,000 · 25%');
    expect(text).toContain('Last contact 2 days ago · every 7 d');
    expect(within(card!).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
    expect(within(card!).queryByTestId('overdue-flag')).toBeNull();
    const totals = screen.getByTestId('popup-totals').textContent ?? '';
    expect(totals).toContain('1active');
    expect(totals).toContain('0overdue');
    expect(totals).toContain('Committed $2,000');
    expect(totals).toContain('Paid $500');
  });

  it('marks an overdue milestone clearly and lists that project first', async () => {
    serve(
      dashboard({
        projects: [
          view({ project: project({ id: 'calm', title: 'Aardvark calm project' }) }),
          view({
            project: project({ id: 'late', title: 'Zebra late project' }),
            milestones: [milestone({ projectId: 'late', title: 'Wireframes', dueDate: '2026-11-26' })],
          }),
        ],
      }),
    );
    renderPopup();
    await screen.findAllByTestId('project-card');
    expect(cards().map((c) => c.getAttribute('data-project-id'))).toEqual(['late', 'calm']);
    const late = cards()[0]!;
    expect(within(late).getByTestId('overdue-flag').textContent).toContain('Overdue');
    expect(late.textContent).toContain('Overdue: Wireframes');
    expect(late.textContent).toContain('yesterday');
    expect(late.className).toContain('pp-card--alert');
    expect(screen.getByTestId('popup-totals').textContent).toContain('1overdue');
  });

  it('orders many projects: overdue, due soon, check-in late, near budget, the rest', async () => {
    serve(
      dashboard({
        projects: [
          view({ project: project({ id: 'fine', title: 'A fine one' }) }),
          view({
            project: project({ id: 'budget', title: 'B budget' }),
            payments: [payment({ projectId: 'budget', amountMinor: 190000 })],
          }),
          view({ project: project({ id: 'quiet', title: 'C quiet', lastContactAt: NOW - 10 * DAY }) }),
          view({
            project: project({ id: 'soon', title: 'D soon' }),
            milestones: [milestone({ projectId: 'soon', dueDate: '2026-11-28' })],
          }),
          view({
            project: project({ id: 'late', title: 'E late' }),
            milestones: [milestone({ projectId: 'late', dueDate: '2026-11-20' })],
          }),
        ],
      }),
    );
    renderPopup();
    await screen.findAllByTestId('project-card');
    expect(cards().map((c) => c.getAttribute('data-project-id'))).toEqual(['late', 'soon', 'quiet', 'budget', 'fine']);
    expect(cards()[2]!.textContent).toContain('3 d late');
    expect(screen.getByTestId('popup-totals').textContent).toContain('5active');
  });

  it('shows an over-budget project in red with its figure', async () => {
    serve(dashboard({ projects: [view({ payments: [payment({ amountMinor: 250000 })] })] }));
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    expect(card!.textContent).toContain('$2,500 of $2,000 · 125% · over budget');
    const bar = within(card!).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.className).toContain('v-progress--danger');
  });

  it('keeps currencies apart in the totals and on the card', async () => {
    serve(
      dashboard({
        projects: [
          view({
            project: project({ id: 'usd' }),
            payments: [payment({ projectId: 'usd' }), payment({ id: 'x', projectId: 'usd', amountMinor: 10000, currency: 'GBP' })],
          }),
          view({
            project: project({ id: 'eur', title: 'Logo', currency: 'EUR', budgetMinor: 150000 }),
            payments: [payment({ id: 'e', projectId: 'eur', currency: 'EUR', amountMinor: 30000 })],
          }),
        ],
      }),
    );
    renderPopup();
    await screen.findAllByTestId('project-card');
    const totals = screen.getByTestId('popup-totals').textContent ?? '';
    expect(totals).toContain('Committed €1,500 + $2,000');
    expect(totals).toContain('Paid €300 + £100 + $500');
    const usd = cards().find((c) => c.getAttribute('data-project-id') === 'usd')!;
    expect(usd.textContent).toContain('$500 of $2,000 · 25%');
    expect(usd.textContent).toContain('Also paid £100 (not converted)');
  });

  it('logs a check-in from the card', async () => {
    serve(dashboard({ projects: [view()] }));
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: /Log check-in/ }));
    await waitFor(() => expect(client.send).toHaveBeenCalledWith('logCheckIn', { id: 'p1' }));
    expect(await within(card!).findByRole('button', { name: /Checked in/ })).toBeTruthy();
  });

  it('opens budget notes for the project (in a tab when there is no side panel API)', async () => {
    serve(dashboard({ projects: [view()] }));
    const create = vi.spyOn(browser.tabs, 'create');
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: /Budget notes/ }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(String(create.mock.calls[0]![0].url)).toMatch(/sidepanel\.html\?project=p1$/);
  });

  it('opens the side panel on the project in Chrome, inside the click', async () => {
    serve(dashboard({ projects: [view()] }));
    const open = vi.fn().mockResolvedValue(undefined);
    const setOptions = vi.fn().mockResolvedValue(undefined);
    (browser as unknown as { sidePanel: unknown }).sidePanel = { open, setOptions };
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    try {
      renderPopup();
      const [card] = await screen.findAllByTestId('project-card');
      await waitFor(() => expect(browser.windows.getCurrent).toHaveBeenCalled());
      await new Promise((r) => setTimeout(r, 0));
      fireEvent.click(within(card!).getByRole('button', { name: /Budget notes/ }));
      // Synchronously within the click handler: the user gesture is still valid.
      expect(setOptions).toHaveBeenCalledWith({ path: 'sidepanel.html?project=p1' });
      expect(open).toHaveBeenCalledWith({ windowId: 7 });
    } finally {
      delete (browser as unknown as { sidePanel?: unknown }).sidePanel;
    }
  });

  it('opens the contractor profile', async () => {
    serve(dashboard({ projects: [view()] }));
    const create = vi.spyOn(browser.tabs, 'create');
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: "Open Sergii C.'s profile" }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://www.upwork.com/freelancers/~01abc' }));
  });

  it('lists contractors to hire again with your average rating', async () => {
    serve(
      dashboard({
        contractorCount: 1,
        hireAgain: [
          {
            contractor: contractor({ name: 'Ana P.', key: 'fiverr:ana', site: 'fiverr' }),
            ratings: [rating({ contractorKey: 'fiverr:ana', projectId: 'old' })],
          },
        ],
      }),
    );
    renderPopup();
    const item = await screen.findByTestId('hire-again-item');
    expect(item.textContent).toContain('Ana P.');
    expect(item.textContent).toContain('Fiverr');
    expect(item.textContent).toContain('4.8');
  });

  it('renders the slot at the top (backup reminder)', async () => {
    serve(dashboard());
    render(<Popup now={() => NOW} timeZone="UTC" locale="en-US" top={<p>Back up your notes</p>} />);
    expect(await screen.findByText('Back up your notes')).toBeTruthy();
  });

  it('says what went wrong when the background does not answer', async () => {
    client.send.mockRejectedValue(new Error('Vetted could not reach its storage.'));
    renderPopup();
    expect((await screen.findByRole('alert')).textContent).toContain('could not reach its storage');
  });
});
