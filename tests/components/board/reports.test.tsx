/** Spend reports page (issue 16): every report's figures as shown, per currency, and each CSV. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ReportsApp } from '../../../components/reports/ReportsApp';
import type { Payment, Project } from '../../../lib/db/schema';
import { spendReport } from '../../../lib/domain/spend';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));
const downloads = vi.hoisted(() => ({ downloadText: vi.fn() }));
vi.mock('../../../components/backup-reminder/download', () => downloads);

const T = Date.UTC(2026, 10, 20);
const project = (id: string, patch: Partial<Project> = {}): Project => ({
  id,
  title: id,
  status: 'active',
  paymentModel: 'fixed',
  currency: 'USD',
  contract: {},
  createdAt: T,
  updatedAt: T,
  ...patch,
});
const pay = (id: string, projectId: string, amountMinor: number, paidAt: string, currency = 'USD'): Payment => ({
  id,
  projectId,
  amountMinor,
  currency,
  paidAt,
  createdAt: T,
  updatedAt: T,
});

const REPORT = spendReport({
  projects: [
    project('Logo', { contractorKey: 'upwork:~01ada', budgetMinor: 1200_00 }),
    project('Brand book', { contractorKey: 'fiverr:bob', currency: 'EUR', budgetMinor: 800_00 }),
    project('Cancelled site', { contractorKey: 'fiverr:bob', currency: 'EUR', status: 'cancelled', budgetMinor: 5000_00 }),
  ],
  payments: [
    pay('1', 'Logo', 500_00, '2026-10-31'),
    pay('2', 'Logo', 250_50, '2026-11-01'),
    pay('3', 'Logo', -50_00, '2026-11-30'),
    pay('4', 'Brand book', 300_00, '2026-11-02', 'EUR'),
    pay('5', 'Brand book', 100_00, '2026-11-03', 'EUR'),
    pay('6', 'Cancelled site', 200_00, '2026-09-15', 'EUR'),
  ],
  milestones: [],
  names: { 'upwork:~01ada': 'Ada Lovelace', 'fiverr:bob': 'Bob Builder' },
});

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  downloads.downloadText.mockReset();
  client.send.mockImplementation(async (type: string) => {
    if (type === 'getSpendReport') return REPORT;
    throw new Error(`unexpected request ${type}`);
  });
});
afterEach(cleanup);

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('spend reports page', () => {
  it('shows total paid per currency, refunds taken off, never converted', async () => {
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
  });

  it('shows spend per month for the chosen currency, month ends in their own month', async () => {
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
    client.send.mockImplementation(async () => spendReport({ projects: [], payments: [], milestones: [], names: {} }));
    render(<ReportsApp locale="en-US" now={() => T} />);
    expect(await screen.findByText(/No projects or payments yet/)).toBeTruthy();
    expect(screen.queryAllByTestId('report-total-paid')).toHaveLength(0);
    within(document.body).getByRole('heading', { name: 'Spend reports' });
  });
});
