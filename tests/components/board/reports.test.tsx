/** Spend reports page (issue 16): every report's figures as shown, per currency, and each CSV. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportsApp } from '../../../components/reports/ReportsApp';
import type { ProjectPatch } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });

const downloads = vi.hoisted(() => ({ downloadText: vi.fn() }));
vi.mock('../../../components/backup-reminder/download', () => downloads);

const T = Date.UTC(2026, 10, 20);
const ADA = 'upwork:~01ada';
const BOB = 'fiverr:bob';
let bg: RealBackground;

/** A project stored through the router, then its payments (amount, paid on, currency). */
async function seedProject(title: string, patch: ProjectPatch & { contractorKey: string }, payments: [number, string][]) {
  const p = await bg.ok('createProject', { title, paymentModel: 'fixed', ...patch }, senders.sidepanel());
  for (const [amountMinor, paidAt] of payments)
    await bg.ok('savePayment', { projectId: p.id, patch: { amountMinor, paidAt, currency: p.currency } }, senders.sidepanel());
  return p;
}

beforeEach(async () => {
  bg = realBackground(senders.options);
  downloads.downloadText.mockReset();
  // The two contractors, as their marketplace pages reported them.
  await bg.ok(
    'reportPage',
    { site: 'upwork', profile: snapshot({ key: ADA, siteId: '~01ada', profileUrl: 'https://www.upwork.com/freelancers/~01ada' }) },
    senders.content('https://www.upwork.com/freelancers/~01ada'),
  );
  await bg.ok(
    'reportPage',
    {
      site: 'fiverr',
      profile: snapshot({
        key: BOB,
        site: 'fiverr',
        siteId: 'bob',
        name: 'Bob Builder',
        profileUrl: 'https://www.fiverr.com/bob',
        rate: undefined,
        jobSuccess: undefined,
      }),
    },
    senders.content('https://www.fiverr.com/bob', 8),
  );
});

async function seedAll() {
  await seedProject('Logo', { contractorKey: ADA, currency: 'USD', budgetMinor: 1200_00 }, [
    [500_00, '2026-10-31'],
    [250_50, '2026-11-01'],
    [-50_00, '2026-11-30'],
  ]);
  await seedProject('Brand book', { contractorKey: BOB, currency: 'EUR', budgetMinor: 800_00 }, [
    [300_00, '2026-11-02'],
    [100_00, '2026-11-03'],
  ]);
  const cancelled = await seedProject('Cancelled site', { contractorKey: BOB, currency: 'EUR', budgetMinor: 5000_00 }, [
    [200_00, '2026-09-15'],
  ]);
  await bg.ok('updateProject', { id: cancelled.id, patch: { status: 'cancelled' } }, senders.sidepanel());
  expect(await bg.db.payments.count()).toBe(6);
  bg.sent.length = 0;
}
afterEach(cleanup);

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('spend reports page', () => {
  it('shows total paid per currency, refunds taken off, never converted', async () => {
    await seedAll();
    render(<ReportsApp locale="en-US" now={() => T} />);
    const totals = await screen.findAllByTestId('report-total-paid');
    expect(totals.map((t) => [t.getAttribute('data-currency'), text(t)])).toEqual([
      ['EUR', '€600.00'],
      ['USD', '$700.50'],
    ]);
    const usd = totals[1]!.closest('.rp-total')!;
    expect(text(usd)).toContain('Committed$1,200.00');
    expect(text(usd)).toContain('Remaining$499.50');
    expect(text(usd)).toContain('3 payments');
    // EUR: the cancelled project commits only what was paid on it.
    expect(text(totals[0]!.closest('.rp-total')!)).toContain('Committed€1,000.00');
    // The figures are the background's: the page asked for the report and nothing else, and wrote nothing.
    expect(bg.sent.map((r) => r.type)).toEqual(['getSpendReport']);
    expect(await bg.db.projects.where('status').equals('cancelled').count()).toBe(1);
  });

  it('shows spend per month for the chosen currency, month ends in their own month', async () => {
    await seedAll();
    render(<ReportsApp locale="en-US" now={() => T} />);
    await screen.findAllByTestId('report-total-paid');
    // EUR has more payments: the chart starts there.
    const months = () =>
      screen.getAllByTestId('report-month').map((r) => [r.getAttribute('data-month'), text(r.querySelectorAll('td')[2]!)]);
    expect(months()).toEqual([
      ['2026-11', '€400.00'],
      ['2026-10', '€0.00'],
      ['2026-09', '€200.00'],
    ]);
    fireEvent.change(screen.getByLabelText('Currency'), { target: { value: 'USD' } });
    expect(months()).toEqual([
      ['2026-11', '$200.50'],
      ['2026-10', '$500.00'],
    ]);
    expect(screen.getByRole('img', { name: /Spend per month in USD, Oct 2026 to Nov 2026/ })).toBeTruthy();
  });

  it('shows spend per contractor and per project: committed, paid, remaining', async () => {
    await seedAll();
    render(<ReportsApp locale="en-US" now={() => T} />);
    await screen.findAllByTestId('report-total-paid');
    const people = screen.getAllByTestId('report-contractor').map((r) => [...r.querySelectorAll('td')].map(text));
    expect(people).toEqual([
      ['Bob Builder', 'EUR', '€1,000.00', '€600.00', '€400.00', '2'],
      ['Ada Lovelace', 'USD', '$1,200.00', '$700.50', '$499.50', '1'],
    ]);
    const projects = screen.getAllByTestId('report-project').map((r) => [...r.querySelectorAll('td')].slice(0, 6).map(text));
    expect(projects).toEqual([
      ['Brand book', 'Bob Builder', 'Active', '€800.00', '€400.00', '€400.00'],
      ['Cancelled site', 'Bob Builder', 'Cancelled', '€200.00', '€200.00', '€0.00'],
      ['Logo', 'Ada Lovelace', 'Active', '$1,200.00', '$700.50', '$499.50'],
    ]);
  });

  it('downloads a CSV of each report', async () => {
    await seedAll();
    render(<ReportsApp locale="en-US" now={() => T} />);
    await screen.findAllByTestId('report-total-paid');
    for (const [label, stem] of [
      ['Totals', 'totals'],
      ['Spend per month', 'months'],
      ['Per contractor', 'contractors'],
      ['Per project', 'projects'],
    ] as const) {
      fireEvent.click(screen.getByRole('button', { name: `Download ${label} as CSV` }));
      const [csv, filename, type] = downloads.downloadText.mock.calls.at(-1)!;
      expect(filename).toMatch(new RegExp(`^vetted-spend-${stem}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(type).toBe('text/csv');
      expect(String(csv).startsWith('\uFEFF')).toBe(true);
    }
    expect(String(downloads.downloadText.mock.calls[0]![0])).toContain('USD,1200.00,700.50,499.50,0.00,3');
  });

  it('says what to do when there is nothing yet', async () => {
    render(<ReportsApp locale="en-US" now={() => T} />);
    expect(await screen.findByText(/No projects or payments yet/)).toBeTruthy();
    expect(screen.queryAllByTestId('report-total-paid')).toHaveLength(0);
    within(document.body).getByRole('heading', { name: 'Spend reports' });
    expect(bg.sent.map((r) => r.type)).toContain('getSpendReport');
    expect(await bg.db.projects.count()).toBe(0);
  });
});
