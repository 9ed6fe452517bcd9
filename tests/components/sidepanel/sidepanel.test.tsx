/**
 * The side panel on the real background: its own send goes over fakeBrowser to the router, which
 * answers from fake-indexeddb; what it writes is checked in the database (and in bg.sent where the
 * request itself matters), and the tab it follows is the one a content script reported.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import type { Contractor, Project, Rating } from '../../../lib/db/schema';
import type { ProjectView } from '../../../lib/messaging/protocol';
import { SidePanel, type SidePanelProps } from '../../../components/sidepanel/SidePanel';
import { realBackground, senders, type RealBackground } from '../real-background';
import { contractor, milestone, note, NOW, payment, project, rating, view } from '../popup/builders';

// Whole-panel renders in happy-dom take seconds on a loaded 2-core machine; 5 s is too tight.
vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
let bg: RealBackground;

interface World {
  views: ProjectView[];
  contractors: Contractor[];
  /** The contractor each tab's content script reported. */
  tabs: Record<number, string>;
  /** More of the contractors' history: other projects and ratings. */
  projects?: Project[];
  ratings?: Rating[];
}

/** As a content script in that tab reports the contractor's profile page. */
async function visit(tabId: number, c: Contractor) {
  const profile = { key: c.key, site: c.site, siteId: c.siteId, name: c.name, profileUrl: c.profileUrl };
  await bg.ok('reportPage', { site: c.site, profile }, senders.content(c.profileUrl, tabId));
}

/** The world in the real database, restored through the router as a backup is, then the tabs reported. */
async function seed(world: World) {
  const backup = JSON.parse((await bg.ok('exportBackup', {}, senders.options())).text) as { data: Record<string, unknown[]> };
  const d = backup.data;
  d.contractors!.push(...world.contractors);
  for (const v of world.views) {
    d.projects!.push(v.project);
    d.milestones!.push(...v.milestones);
    d.payments!.push(...v.payments);
    d.notes!.push(...v.notes);
    d.ratings!.push(...v.ratings);
  }
  d.projects!.push(...(world.projects ?? []));
  d.ratings!.push(...(world.ratings ?? []));
  await bg.ok('importBackup', { text: JSON.stringify(backup) }, senders.options());
  for (const [tabId, key] of Object.entries(world.tabs))
    await visit(
      Number(tabId),
      world.contractors.find((c) => c.key === key)!,
    );
}

function renderPanel(props: Partial<SidePanelProps> = {}) {
  return render(<SidePanel now={() => NOW} timeZone="UTC" locale="en-US" {...props} />);
}

const summary = () => screen.findByTestId('budget-summary');
/** The payloads of what the panel asked of this type, in order. */
const requests = (type: string) => bg.sent.filter((r) => r.type === type).map((r) => r.payload);

beforeEach(() => {
  bg = realBackground(senders.sidepanel);
  bg.clock.now = NOW;
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 5, windowId: 1 }] as never);
  vi.stubGlobal(
    'confirm',
    vi.fn(() => true),
  );
});
afterEach(cleanup);

describe('SidePanel', () => {
  it('explains what it does when no contractor is in the tab and nothing is chosen', async () => {
    await seed({ views: [], contractors: [], tabs: {} });
    renderPanel();
    expect(await screen.findByText(/Budget notes follow the contractor in your current tab/)).toBeTruthy();
    expect(screen.queryByTestId('budget-summary')).toBeNull();
  });

  it('shows budget, spent, remaining and the schedule of the project given in the URL', async () => {
    await seed({
      views: [
        view({
          milestones: [milestone(), milestone({ id: 'm2', title: 'Final files', dueDate: '2026-12-20', amountMinor: 100000 })],
          payments: [payment()],
        }),
      ],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const s = await summary();
    const text = s.textContent ?? '';
    expect(text).toContain('Budget$2,000');
    expect(text).toContain('Spent$500');
    expect(text).toContain('Remaining$1,500');
    expect(text).toContain('25% of the budget used');
    expect(text).toContain('1 of 2 payments made; next $1,000 due Dec 20');
    expect(text).toContain('Fixed price $2,000.');
    expect(screen.getByRole('heading', { name: 'Email flows' })).toBeTruthy();
  });

  it('follows the contractor in the active tab, its navigation and tab switches', async () => {
    const ana = contractor({ key: 'fiverr:ana', site: 'fiverr', siteId: 'ana', name: 'Ana P.', profileUrl: 'https://www.fiverr.com/ana' });
    const gus = contractor({ key: 'guru:77', site: 'guru', siteId: '77', name: 'Gus', profileUrl: 'https://www.guru.com/freelancers/77' });
    await seed({
      views: [view(), view({ project: project({ id: 'p2', title: 'Logo', contractorKey: 'guru:77' }), contractor: gus })],
      contractors: [contractor(), ana, gus],
      tabs: { 5: KEY, 9: 'guru:77' },
    });
    renderPanel();
    expect(await screen.findByRole('heading', { name: 'Email flows' })).toBeTruthy();
    expect(requests('getTabContext')).toEqual([{ tabId: 5 }]);

    // The user opened another profile in the same tab: its content script reports it.
    await visit(5, ana);
    expect(await screen.findByRole('button', { name: /Start a project with Ana P\./ })).toBeTruthy();

    // …then switched to a tab showing another contractor.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: 1 });
    expect(await screen.findByRole('heading', { name: 'Logo' })).toBeTruthy();
  });

  it('creates a project for the contractor in the tab, keeping what was typed when a field is wrong', async () => {
    await seed({ views: [], contractors: [contractor()], tabs: { 5: KEY } });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: /Start a project with Sergii C\./ }));
    const form = await screen.findByRole('form', { name: 'New project' });
    const title = within(form).getByLabelText('Title') as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('Project with Sergii C.'));
    expect((within(form).getByLabelText('Contractor') as HTMLSelectElement).value).toBe(KEY);

    const budget = within(form).getByLabelText('Budget') as HTMLInputElement;
    fireEvent.input(budget, { target: { value: 'two grand' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    expect((await within(form).findByText(/“two grand” is not an amount in USD/)).textContent).toBeTruthy();
    expect(budget.value).toBe('two grand');
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(requests('createProject')).toEqual([]);

    fireEvent.input(budget, { target: { value: '1,500' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(requests('createProject')).toHaveLength(1));
    const asked = {
      title: 'Project with Sergii C.',
      contractorKey: KEY,
      budgetMinor: 150000,
      currency: 'USD',
      status: 'active',
      checkInDays: 7,
    };
    expect(requests('createProject')[0]).toMatchObject(asked);
    // Stored as asked, and shown.
    expect(await screen.findByRole('heading', { name: 'Project with Sergii C.' })).toBeTruthy();
    const kept = await bg.db.projects.toArray();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject(asked);
  });

  it('keeps the form filled when the save fails', async () => {
    await seed({ views: [], contractors: [], tabs: {} });
    bg.failNext('createProject', 'quota', 'Storage is full.');
    renderPanel({ startNew: true });
    const form = await screen.findByRole('form', { name: 'New project' });
    fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Site audit' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Storage is full.');
    expect((within(form).getByLabelText('Title') as HTMLInputElement).value).toBe('Site audit');
    expect(requests('createProject')).toHaveLength(1);
    expect(await bg.db.projects.count()).toBe(0);
  });

  it('marks an over-budget project', async () => {
    await seed({ views: [view({ payments: [payment({ amountMinor: 260000 })] })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    const s = await summary();
    expect(s.textContent).toContain('Remaining-$600');
    expect(s.textContent).toContain('130% of the budget used');
    expect(within(s).getByText('Over budget')).toBeTruthy();
    expect(within(s).getByRole('progressbar').className).toContain('v-progress--danger');
  });

  it('keeps payments in other currencies apart, never converted', async () => {
    await seed({
      views: [view({ payments: [payment(), payment({ id: 'e1', currency: 'EUR', amountMinor: 30000 })] })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const s = await summary();
    expect(s.textContent).toContain('Spent$500');
    expect(s.textContent).toContain('Also paid €300: other currencies are kept apart');
    expect(s.textContent).toContain('Paid per currency€300 · $500');
  });

  it('forecasts an hourly project from hours and rate', async () => {
    await seed({
      views: [
        view({ project: project({ paymentModel: 'hourly', rateMinor: 4500, estimatedHours: 40, hoursLogged: 12.5, budgetMinor: 150000 }) }),
      ],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const s = await summary();
    expect(s.textContent).toContain('40 h × $45 = $1,800 expected; 12.5 h logged = $562.50 so far.');
    expect(s.textContent).toContain('The forecast ($1,800) is above the budget ($1,500).');
  });

  it('suggests asking for a loyalty rate after several good projects together', async () => {
    await seed({
      views: [view()],
      contractors: [contractor()],
      tabs: {},
      projects: [project({ id: 'a', status: 'completed' }), project({ id: 'b', status: 'completed' })],
      ratings: [rating({ projectId: 'a' }), rating({ id: 'r2', projectId: 'b' })],
    });
    renderPanel({ initialProjectId: 'p1' });
    expect((await screen.findByTestId('loyalty-hint')).textContent).toContain('completed 2 projects with Sergii C.');
  });

  it('asks for a rating when the project is marked completed, and saves it for the contractor', async () => {
    await seed({ views: [view()], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    fireEvent.click(await screen.findByRole('button', { name: /Mark completed/ }));
    await waitFor(() => expect(requests('updateProject')).toEqual([{ id: 'p1', patch: { status: 'completed' } }]));
    const form = await screen.findByRole('form', { name: 'Rate this contractor' });
    expect((await bg.db.projects.get('p1'))?.status).toBe('completed');
    fireEvent.click(within(form).getByRole('button', { name: 'Save rating' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('quality, communication, timeliness, value');
    for (const [c, n] of [
      ['Quality', 5],
      ['Communication', 4],
      ['Timeliness', 3],
      ['Value', 4],
    ] as const) {
      fireEvent.click(within(form).getByLabelText(`${c} ${n} of 5`));
    }
    fireEvent.click(within(form).getByLabelText('Yes'));
    fireEvent.input(within(form).getByLabelText('Comment (optional)'), { target: { value: 'Solid work' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save rating' }));
    await waitFor(() => expect(requests('saveRating')).toHaveLength(1));
    const given = {
      contractorKey: KEY,
      projectId: 'p1',
      quality: 5,
      communication: 4,
      timeliness: 3,
      value: 4,
      wouldRehire: true,
      comment: 'Solid work',
    };
    expect(requests('saveRating')[0]).toEqual({ createId: expect.any(String), rating: given });
    await waitFor(async () => expect(await bg.db.ratings.toArray()).toMatchObject([given]));
  });

  it('records a payment with a clear message for a missing amount', async () => {
    await seed({ views: [view({ milestones: [milestone()] })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    fireEvent.click(await screen.findByRole('button', { name: /Record payment/ }));
    const form = screen.getByRole('form', { name: 'New payment' });
    expect((within(form).getByLabelText('Paid on') as HTMLInputElement).value).toBe('2026-11-27');
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    expect(await within(form).findByText('Type the amount paid.')).toBeTruthy();
    fireEvent.input(within(form).getByLabelText('Amount'), { target: { value: '250.50' } });
    fireEvent.change(within(form).getByLabelText('For milestone'), { target: { value: 'm1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    await waitFor(() => expect(requests('savePayment')).toHaveLength(1));
    const paid = { paidAt: '2026-11-27', amountMinor: 25050, currency: 'USD', milestoneId: 'm1' };
    expect(requests('savePayment')[0]).toEqual({ projectId: 'p1', createId: expect.any(String), patch: paid });
    await waitFor(async () => expect(await bg.db.payments.toArray()).toMatchObject([{ projectId: 'p1', ...paid }]));
  });

  it('marks overdue milestones and moves a milestone along its statuses', async () => {
    await seed({ views: [view({ milestones: [milestone({ dueDate: '2026-11-26' })] })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    const item = await screen.findByTestId('milestone-item');
    expect(within(item).getByText('Overdue')).toBeTruthy();
    expect(item.textContent).toContain('yesterday');
    fireEvent.change(within(item).getByLabelText('Status of First draft'), { target: { value: 'submitted' } });
    await waitFor(() =>
      expect(requests('saveMilestone')).toEqual([
        { projectId: 'p1', id: 'm1', baseUpdatedAt: expect.any(Number), patch: { status: 'submitted' } },
      ]),
    );
    await waitFor(async () => expect((await bg.db.milestones.get('m1'))?.status).toBe('submitted'));
  });

  it('every milestone row keeps its status select in the same fixed end column (issue 14)', async () => {
    const { dueDate: _due, amountMinor: _amount, ...bare } = milestone({ id: 'm3', title: 'Call' });
    await seed({
      views: [
        view({
          milestones: [
            milestone({ dueDate: '2026-11-26' }),
            milestone({ id: 'm2', title: 'Final files with a long title', dueDate: '2027-03-14', amountMinor: 123456_00 }),
            bare,
          ],
        }),
      ],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    await waitFor(() => expect(screen.getAllByTestId('milestone-item')).toHaveLength(3));
    for (const item of screen.getAllByTestId('milestone-item')) {
      const select = within(item).getByRole('combobox');
      const cell = select.closest('.p-ms-meta__status');
      expect(cell).not.toBeNull();
      // Two cells only: the due/amount facts (they wrap inside their cell) and the select's cell.
      const row = cell!.parentElement!;
      expect(row.classList.contains('p-ms-meta')).toBe(true);
      expect([...row.children].map((c) => c.className)).toEqual(['p-ms-meta__facts', 'p-ms-meta__status']);
    }
    // The row is a grid with a fixed-width last column, not a wrapping flex row.
    const css = readFileSync(resolve(__dirname, '../../../components/projects/projects.css'), 'utf8');
    expect(css).toMatch(/\.p-ms-meta \{[^}]*display: grid;[^}]*grid-template-columns: minmax\(0, 1fr\) \d+(\.\d+)?em;/);
    expect(css).toMatch(/\.p-ms-meta__status \.v-select \{\s*width: 100%;\s*\}/);
  });

  it('approving a milestone offers to record its payment, with focus on the offer (issue 14)', async () => {
    await seed({
      views: [view({ project: project({ paymentModel: 'milestones' }), milestones: [milestone()] })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const item = await screen.findByTestId('milestone-item');
    fireEvent.change(within(item).getByLabelText('Status of First draft'), { target: { value: 'approved' } });
    const record = await within(item).findByRole('button', { name: 'Record payment for First draft' });
    expect(item.textContent).toContain('Record the $500 payment for “First draft”?');
    // One money format everywhere (issue 14): "$500", as in the popup and the summary, not "$500.00".
    expect(item.textContent).not.toContain('$500.00');
    await waitFor(() => expect(document.activeElement).toBe(record));
    fireEvent.click(record);
    await waitFor(() =>
      expect(requests('savePayment')).toEqual([
        { projectId: 'p1', patch: { milestoneId: 'm1', amountMinor: 50000, currency: 'USD', paidAt: '2026-11-27' } },
      ]),
    );
    await waitFor(async () =>
      expect(await bg.db.payments.toArray()).toMatchObject([
        { projectId: 'p1', milestoneId: 'm1', amountMinor: 50000, currency: 'USD', paidAt: '2026-11-27' },
      ]),
    );
    await waitFor(() => expect(within(item).queryByRole('button', { name: 'Record payment for First draft' })).toBeNull());
    expect(document.activeElement).toBe(within(item).getByLabelText('Status of First draft'));
  });

  it('"Not now" (or Esc) dismisses the payment offer and records nothing', async () => {
    await seed({
      views: [view({ project: project({ paymentModel: 'milestones' }), milestones: [milestone()] })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const item = await screen.findByTestId('milestone-item');
    fireEvent.change(within(item).getByLabelText('Status of First draft'), { target: { value: 'approved' } });
    const record = await within(item).findByRole('button', { name: 'Record payment for First draft' });
    fireEvent.keyDown(record, { key: 'Escape' });
    await waitFor(() => expect(within(item).queryByRole('button', { name: 'Record payment for First draft' })).toBeNull());
    expect(requests('savePayment')).toEqual([]);
    expect(await bg.db.payments.count()).toBe(0);
    expect((await bg.db.milestones.get('m1'))?.status).toBe('approved');
  });

  it('a retainer with a start date and no deadline is "ongoing", not "set start and deadline" (issue 14)', async () => {
    await seed({
      views: [
        view({
          project: project({
            paymentModel: 'retainer',
            rateMinor: 80000,
            retainerPeriod: 'month',
            startDate: '2026-11-01',
            budgetMinor: undefined,
          }),
        }),
      ],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    await waitFor(async () => expect((await summary()).textContent).toContain('ongoing: set a deadline for a total'));
    expect((await summary()).textContent).not.toContain('set start and deadline');
  });

  it('adds a milestone with a due date and amount', async () => {
    await seed({ views: [view()], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    fireEvent.click(await screen.findByRole('button', { name: /Add milestone/ }));
    const form = screen.getByRole('form', { name: 'New milestone' });
    fireEvent.input(within(form).getByLabelText('Milestone'), { target: { value: 'Launch' } });
    fireEvent.input(within(form).getByLabelText('Due date'), { target: { value: '2026-12-15' } });
    fireEvent.input(within(form).getByLabelText('Amount (USD)'), { target: { value: '700' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add milestone' }));
    await waitFor(() =>
      expect(requests('saveMilestone')).toEqual([
        {
          projectId: 'p1',
          createId: expect.any(String),
          patch: { title: 'Launch', dueDate: '2026-12-15', amountMinor: 70000, status: 'pending' },
        },
      ]),
    );
    await waitFor(async () =>
      expect(await bg.db.milestones.where('projectId').equals('p1').toArray()).toMatchObject([
        { title: 'Launch', dueDate: '2026-12-15', amountMinor: 70000, status: 'pending' },
      ]),
    );
  });

  it('folds a long budget note at 600 characters, as the overlay does (issue 14)', async () => {
    const long = 'x'.repeat(5000);
    await seed({ views: [view({ notes: [note({ body: long })] })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    const [item] = await screen.findAllByTestId('budget-note');
    expect(item!.textContent).not.toContain(long);
    const more = within(item!).getByRole('button', { name: 'Show all (5k characters)' });
    fireEvent.click(more);
    expect(item!.textContent).toContain(long);
  });

  it('a project completed exactly on budget shows no amber warning bar (issue 14)', async () => {
    await seed({
      views: [view({ project: project({ status: 'completed', budgetMinor: 50000 }), payments: [payment({ amountMinor: 50000 })] })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const bar = within(await summary()).getByRole('progressbar');
    expect(bar.className).not.toContain('v-progress--warn');
  });

  it('lists timestamped budget notes and adds a negotiation note to the project', async () => {
    await seed({
      views: [view({ notes: [note(), note({ id: 'n0', kind: 'general', body: 'not a budget note' })] })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const items = await screen.findAllByTestId('budget-note');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Agreed a $2,000 cap');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe(new Date(NOW - 3 * 86_400_000).toISOString());
    fireEvent.click(screen.getByLabelText('Rate negotiation'));
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Asked for $40/h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() =>
      expect(requests('saveNote')).toEqual([{ projectId: 'p1', contractorKey: KEY, kind: 'negotiation', body: 'Asked for $40/h' }]),
    );
    await waitFor(async () =>
      expect((await bg.db.notes.toArray()).filter((n) => n.kind === 'negotiation')).toMatchObject([
        { projectId: 'p1', contractorKey: KEY, body: 'Asked for $40/h' },
      ]),
    );
    // The stored note comes back to the panel (its change event) next to the first one.
    await waitFor(() => expect(screen.getAllByTestId('budget-note')).toHaveLength(2));
  });

  it('logs a check-in and shows a late one', async () => {
    await seed({ views: [view({ project: project({ lastContactAt: NOW - 10 * 86_400_000 }) })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    expect(await screen.findByText('Check-in 3 days late')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Log a check-in/ }));
    await waitFor(() => expect(requests('logCheckIn')).toEqual([{ id: 'p1' }]));
    await waitFor(async () => expect((await bg.db.projects.get('p1'))?.lastContactAt).toBe(bg.clock.now));
    await waitFor(() => expect(screen.queryByText('Check-in 3 days late')).toBeNull());
  });

  it('lets the user pick another project', async () => {
    await seed({ views: [view(), view({ project: project({ id: 'p2', title: 'Logo' }) })], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    await screen.findByRole('heading', { name: 'Email flows' });
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Logo' })).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: 'p2' } });
    expect(await screen.findByRole('heading', { name: 'Logo' })).toBeTruthy();
  });
});

describe('SidePanel contract', () => {
  it('shows the written terms and the deadline', async () => {
    await seed({
      views: [
        view({
          project: project({
            deadline: '2026-12-15',
            contract: { signedAt: '2026-11-02', paymentSchedule: '30% upfront, 70% on delivery' },
          }),
        }),
      ],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    const section = await screen.findByRole('region', { name: 'Contract' });
    expect(section.textContent).toContain('DeadlineDec 15 (in 18 days)');
    expect(section.textContent).toContain('SignedNov 2');
    expect(section.textContent).toContain('Payment terms30% upfront, 70% on delivery');
    expect(within(section).queryByText(/Nothing in writing yet/)).toBeNull();
  });

  it('asks for written terms when there are none, and opens the editor', async () => {
    await seed({ views: [view()], contractors: [contractor()], tabs: {} });
    renderPanel({ initialProjectId: 'p1' });
    const section = await screen.findByRole('region', { name: 'Contract' });
    expect(within(section).getByText(/Nothing in writing yet/)).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'in the project' }));
    expect(await screen.findByRole('form', { name: 'Edit project' })).toBeTruthy();
  });

  it('clears a signed contract date: Clear empties it and the save sends null, keeping the other terms', async () => {
    await seed({
      views: [view({ project: project({ contract: { signedAt: '2026-11-02', expectations: 'Three concepts' } }) })],
      contractors: [contractor()],
      tabs: {},
    });
    renderPanel({ initialProjectId: 'p1' });
    fireEvent.click(await screen.findByRole('button', { name: /Edit project/ }));
    const form = await screen.findByRole('form', { name: 'Edit project' });
    const date = within(form).getByLabelText('Contract signed on') as HTMLInputElement;
    expect(date.value).toBe('2026-11-02');
    fireEvent.click(within(form).getByRole('button', { name: 'Clear contract signed on' }));
    expect(date.value).toBe('');
    expect(document.activeElement).toBe(date);
    expect(within(form).queryByRole('button', { name: 'Clear contract signed on' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Save project' }));
    await waitFor(() => expect(requests('updateProject')).toHaveLength(1));
    const { patch } = requests('updateProject')[0] as { patch: { contract: Record<string, unknown> } };
    expect(patch.contract).toEqual({ signedAt: null, expectations: 'Three concepts', deliverables: '', paymentSchedule: '' });
    await waitFor(async () => expect((await bg.db.projects.get('p1'))?.contract.signedAt).toBeUndefined());
    expect((await bg.db.projects.get('p1'))?.contract.expectations).toBe('Three concepts');
  });
});

// "Someone new" in the project form: tests/components/sidepanel/new-contractor.test.tsx (real router).

describe('SidePanel explicit choice', () => {
  it('keeps the project from the URL when the active tab shows another contractor, until that tab changes', async () => {
    const ana = contractor({ key: 'fiverr:ana', site: 'fiverr', siteId: 'ana', name: 'Ana P.', profileUrl: 'https://www.fiverr.com/ana' });
    await seed({
      views: [view(), view({ project: project({ id: 'p2', title: 'Logo', contractorKey: 'fiverr:ana' }), contractor: ana })],
      contractors: [contractor(), ana],
      tabs: { 5: KEY },
    });
    renderPanel({ initialProjectId: 'p2' });
    expect(await screen.findByRole('heading', { name: 'Logo' })).toBeTruthy();
    await waitFor(() => expect(requests('getTabContext')).toEqual([{ tabId: 5 }]));
    // The tab's answer has arrived (the picker now offers the tab's contractor), and did not take over.
    expect(await screen.findByRole('option', { name: 'Contractor in this tab' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Logo' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Email flows' })).toBeNull();

    // The tab moves on to Ana's profile, then back to Sergii's: their content script reports each.
    await visit(5, ana);
    await visit(5, contractor());
    expect(await screen.findByRole('heading', { name: 'Email flows' })).toBeTruthy();
  });
});
