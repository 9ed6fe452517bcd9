/** CSV of each spend report (issue 16). */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportCsv, REPORT_KINDS } from '../../../lib/backup/report-csv';
import { spendReport } from '../../../lib/domain/spend';
import type { Payment, Project } from '../../../lib/db/schema';

const T = Date.UTC(2026, 0, 1);
const project = (id: string, patch: Partial<Project> = {}): Project => ({
  id,
  title: `=${id}`,
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
const report = spendReport({
  projects: [project('p', { budgetMinor: 1000_00, contractorKey: 'upwork:~01a' }), project('j', { currency: 'JPY' })],
  payments: [pay('1', 'p', 250_50, '2026-01-31'), pay('2', 'p', -50_00, '2026-02-01'), pay('3', 'j', 5000, '2026-02-03', 'JPY')],
  milestones: [],
  names: { 'upwork:~01a': 'Ada' },
});

function rows(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

describe('report CSVs', () => {
  it('months: one row per currency and month, refunds negative, exact decimals', () => {
    expect(rows(reportCsv(report, 'months'))).toEqual([
      { month: '2026-02', currency: 'JPY', paid: '5000', payments: '1' },
      { month: '2026-01', currency: 'USD', paid: '250.50', payments: '1' },
      { month: '2026-02', currency: 'USD', paid: '-50.00', payments: '1' },
    ]);
  });

  it('totals equal the sum of the payments per currency', () => {
    expect(rows(reportCsv(report, 'totals')).map((r) => [r.currency, r.paid, r.committed, r.remaining])).toEqual([
      ['JPY', '5000', '0', '0'],
      ['USD', '200.50', '1000.00', '799.50'],
    ]);
  });

  it('contractors and projects, with text cells that cannot run as formulas', () => {
    expect(rows(reportCsv(report, 'contractors')).map((r) => [r.contractor_name, r.currency, r.paid])).toEqual([
      ['No contractor', 'JPY', '5000'],
      ['Ada', 'USD', '200.50'],
    ]);
    const projects = rows(reportCsv(report, 'projects'));
    expect(projects.map((r) => r.project_title)).toEqual(["'=j", "'=p"]);
    expect(projects.map((r) => r.remaining)).toEqual(['0', '799.50']);
  });

  it('has a header for every kind even when empty', () => {
    const empty = spendReport({ projects: [], payments: [], milestones: [], names: {} });
    for (const kind of REPORT_KINDS) expect(reportCsv(empty, kind).split('\r\n')[0]!.length).toBeGreaterThan(5);
  });
});
