/**
 * The popup on the real background: projects, milestones, payments, contractors and ratings are
 * seeded through the router, the real Popup asks for its dashboard through the real client, and
 * the tests check both what it shows and what was asked or stored. Only browser APIs fakeBrowser
 * lacks (tabs.query, windows.getCurrent, sidePanel) are stubbed.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Popup } from '../../../components/popup/Popup';
import type { ProjectPatch } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { DAY, NOW } from './builders';

// Whole-panel renders in happy-dom take seconds on a loaded 2-core machine; 5 s is too tight.
vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
let bg: RealBackground;

/** Sergii C., seen on Upwork by the content script, marked hired. */
async function sergii() {
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot({ name: 'Sergii C.' }) }, senders.content());
  await bg.ok('updateContractor', { key: KEY, patch: { status: 'hired' } });
}

/** A project made 20 days ago, last contact `contact` ago (2 days by default), "today" after. */
async function newProject(id: string, patch: Omit<ProjectPatch, 'contractorKey'> = {}, contact = 2 * DAY) {
  bg.clock.now = NOW - 20 * DAY;
  await bg.ok('createProject', {
    createId: id,
    title: 'Email flows',
    contractorKey: KEY,
    status: 'active',
    paymentModel: 'fixed',
    currency: 'USD',
    budgetMinor: 200000,
    checkInDays: 7,
    ...patch,
  });
  await bg.ok('logCheckIn', { id, at: NOW - contact });
  bg.clock.now = NOW;
}

const milestone = (projectId: string, title = 'First draft', dueDate = '2026-12-10') =>
  bg.ok('saveMilestone', { projectId, patch: { title, dueDate, amountMinor: 50000, status: 'pending' } });
const pay = (projectId: string, amountMinor = 50000, currency = 'USD', paidAt = '2026-11-20') =>
  bg.ok('savePayment', { projectId, patch: { amountMinor, currency, paidAt } });

function renderPopup() {
  return render(<Popup now={() => bg.clock.now} timeZone="UTC" locale="en-US" />);
}

const cards = () => screen.getAllByTestId('project-card');
const asked = () => bg.sent.map((r) => r.type);

beforeEach(() => {
  bg = realBackground(senders.popup);
  bg.clock.now = NOW;
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Popup', () => {
  it('welcomes a new user with the three steps to get started', async () => {
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
    expect(asked()).toContain('getDashboard');
    expect(await bg.counts()).toMatchObject({ projects: 0, contractors: 0 });
  });

  it('tells someone with contractors but no project how to start one', async () => {
    await sergii();
    renderPopup();
    expect(await screen.findByRole('heading', { name: 'No active projects' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Recently viewed' })).toBeTruthy();
    expect(screen.getByTestId('recent-item').textContent).toContain('Sergii C.');
    // The status reads as everywhere else, not the raw value (issue 14).
    expect(screen.getByTestId('recent-item').textContent).toContain('Hired');
    expect(screen.getByTestId('recent-item').textContent).not.toContain('hired');
    expect((await bg.db.contractors.get(KEY))?.status).toBe('hired');
  });

  it('a retainer card shows its amount per month and its next payment (issue 14)', async () => {
    await sergii();
    await newProject('p1', {
      paymentModel: 'retainer',
      rateMinor: 80000,
      retainerPeriod: 'month',
      startDate: '2026-11-01',
      budgetMinor: null,
    });
    await pay('p1', 80000, 'USD', '2026-11-01');
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
    expect(await bg.db.projects.get('p1')).toMatchObject({ paymentModel: 'retainer', rateMinor: 80000 });
  });

  it('shows one project with contractor, site, next milestone, budget and contact', async () => {
    await sergii();
    await newProject('p1');
    await milestone('p1');
    await pay('p1');
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
    await sergii();
    await newProject('calm', { title: 'Aardvark calm project' });
    await newProject('late', { title: 'Zebra late project' });
    await milestone('late', 'Wireframes', '2026-11-26');
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
    await sergii();
    await newProject('fine', { title: 'A fine one' });
    await newProject('budget', { title: 'B budget' });
    await pay('budget', 190000);
    await newProject('quiet', { title: 'C quiet' }, 10 * DAY);
    await newProject('soon', { title: 'D soon' });
    await milestone('soon', 'First draft', '2026-11-28');
    await newProject('late', { title: 'E late' });
    await milestone('late', 'First draft', '2026-11-20');
    renderPopup();
    await screen.findAllByTestId('project-card');
    expect(cards().map((c) => c.getAttribute('data-project-id'))).toEqual(['late', 'soon', 'quiet', 'budget', 'fine']);
    expect(cards()[2]!.textContent).toContain('3 d late');
    expect(screen.getByTestId('popup-totals').textContent).toContain('5active');
  });

  it('shows an over-budget project in red with its figure', async () => {
    await sergii();
    await newProject('p1');
    await pay('p1', 250000);
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    expect(card!.textContent).toContain('$2,500 of $2,000 · 125% · over budget');
    const bar = within(card!).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.className).toContain('v-progress--danger');
  });

  it('keeps currencies apart in the totals and on the card', async () => {
    await sergii();
    await newProject('usd');
    await pay('usd');
    await pay('usd', 10000, 'GBP');
    await newProject('eur', { title: 'Logo', currency: 'EUR', budgetMinor: 150000 });
    await pay('eur', 30000, 'EUR');
    renderPopup();
    await screen.findAllByTestId('project-card');
    const totals = screen.getByTestId('popup-totals').textContent ?? '';
    expect(totals).toContain('Committed €1,500 + $2,000');
    expect(totals).toContain('Paid €300 + £100 + $500');
    const usd = cards().find((c) => c.getAttribute('data-project-id') === 'usd')!;
    expect(usd.textContent).toContain('$500 of $2,000 · 25%');
    expect(usd.textContent).toContain('Also paid £100 (not converted)');
    expect((await bg.db.payments.where('projectId').equals('usd').toArray()).map((p) => p.currency).sort()).toEqual(['GBP', 'USD']);
  });

  it('logs a check-in from the card', async () => {
    await sergii();
    await newProject('p1');
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: /Log check-in/ }));
    await waitFor(() => expect(bg.sent.find((r) => r.type === 'logCheckIn')?.payload).toMatchObject({ id: 'p1' }));
    expect(await within(card!).findByRole('button', { name: /Checked in/ })).toBeTruthy();
    await bg.settled();
    expect((await bg.db.projects.get('p1'))?.lastContactAt).toBe(NOW);
  });

  it('opens budget notes for the project (in a tab when there is no side panel API)', async () => {
    await sergii();
    await newProject('p1');
    const create = vi.spyOn(browser.tabs, 'create');
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: /Budget notes/ }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(String(create.mock.calls[0]![0].url)).toMatch(/sidepanel\.html\?project=p1$/);
  });

  it('opens the side panel on the project in Chrome, inside the click', async () => {
    await sergii();
    await newProject('p1');
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
    await sergii();
    await newProject('p1');
    const create = vi.spyOn(browser.tabs, 'create');
    renderPopup();
    const [card] = await screen.findAllByTestId('project-card');
    fireEvent.click(within(card!).getByRole('button', { name: "Open Sergii C.'s profile" }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ url: 'https://www.upwork.com/freelancers/~01abc' }));
  });

  it('lists contractors to hire again with your average rating', async () => {
    await bg.ok('trackContractor', {
      profile: { key: 'fiverr:ana', site: 'fiverr', siteId: 'ana', name: 'Ana P.', profileUrl: 'https://www.fiverr.com/ana' },
    });
    await bg.ok('saveRating', {
      rating: { contractorKey: 'fiverr:ana', quality: 5, communication: 5, timeliness: 4, value: 5, wouldRehire: true },
    });
    renderPopup();
    const item = await screen.findByTestId('hire-again-item');
    expect(item.textContent).toContain('Ana P.');
    expect(item.textContent).toContain('Fiverr');
    expect(item.textContent).toContain('4.8');
    expect(await bg.db.ratings.where('contractorKey').equals('fiverr:ana').count()).toBe(1);
  });

  it('renders the slot at the top (backup reminder)', async () => {
    render(<Popup now={() => bg.clock.now} timeZone="UTC" locale="en-US" top={<p>Back up your notes</p>} />);
    expect(await screen.findByText('Back up your notes')).toBeTruthy();
  });

  it('says what went wrong when the background does not answer', async () => {
    bg.setUnreachable(true);
    renderPopup();
    expect((await screen.findByRole('alert')).textContent).toContain('could not reach its storage');
    expect(asked()).toContain('getDashboard');
  });
});
