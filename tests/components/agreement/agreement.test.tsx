/** The written agreement page on the real background (its own send over fakeBrowser to the router): every payment model, dates or none, locales, mixed currencies, Copy, Mark as agreed. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgreementApp } from '../../../components/agreement/AgreementApp';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
const NOW = Date.UTC(2026, 11, 1, 10);
let h: RealBackground;

beforeEach(async () => {
  // The page's own send and onChange, to the real router as agreement.html.
  h = realBackground(senders.agreement);
  await h.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  await h.ok('updateSettings', { patch: { clientName: 'Lee Bakery Ltd' } }, senders.options());
});
afterEach(cleanup);

async function show(projectId: string, locale = 'en-US') {
  render(<AgreementApp projectId={projectId} locale={locale} timeZone="UTC" now={() => NOW} />);
  const doc = await screen.findByTestId('agreement-text');
  return doc.textContent ?? '';
}

describe('written agreement', () => {
  it('fixed price without dates: total, paid on approval, deadline to be agreed, parties', async () => {
    const p = await h.ok('createProject', { title: 'Logo refresh', contractorKey: KEY, paymentModel: 'fixed', budgetMinor: 120000 });
    const text = await show(p.id);
    expect(text).toContain('Written agreement: Logo refresh');
    expect(text).toContain('Client: Lee Bakery Ltd');
    expect(text).toContain('Contractor: Ada Lovelace (Upwork profile: https://www.upwork.com/freelancers/~01abc)');
    expect(text).toContain('Payment model: fixed price. Total price: $1,200.00 for the whole project.');
    expect(text).toContain('Paid in full when the deliverables are delivered and approved.');
    expect(text).toContain('Final deadline: [to be agreed]');
    expect(text).toContain('Progress updates: [to be agreed].');
    expect(text).toContain('released through Upwork');
    expect(text).not.toContain('Milestones');
  });

  it('fixed price with dates, expectations, deliverables and a check-in rhythm', async () => {
    const p = await h.ok('createProject', {
      title: 'Logo refresh',
      contractorKey: KEY,
      paymentModel: 'fixed',
      budgetMinor: 120000,
      startDate: '2027-01-04',
      deadline: '2027-02-26',
      checkInDays: 7,
      contract: { expectations: 'Three concepts, one chosen.', deliverables: 'SVG and PNG files\nBrand sheet' },
    });
    const text = await show(p.id);
    expect(text).toContain('Start: January 4, 2027');
    expect(text).toContain('Final deadline: February 26, 2027');
    expect(text).toContain('Expectations: Three concepts, one chosen.');
    expect(text).toContain('Deliverable: SVG and PNG files');
    expect(text).toContain('Deliverable: Brand sheet');
    expect(text).toContain('A progress update every week.');
  });

  it('hourly with a cap', async () => {
    const p = await h.ok('createProject', {
      title: 'Bug fixing',
      contractorKey: KEY,
      paymentModel: 'hourly',
      rateMinor: 4500,
      budgetMinor: 90000,
    });
    const text = await show(p.id);
    expect(text).toContain('Payment model: hourly. Rate: $45.00 per hour.');
    expect(text).toContain("Cap: no more than $900.00 in total (about 20 hours) without the client's written approval.");
    expect(text).toContain('billed every week');
  });

  it('hourly without a cap says the cap is to be agreed', async () => {
    const p = await h.ok('createProject', { title: 'Bug fixing', contractorKey: KEY, paymentModel: 'hourly', rateMinor: 4500 });
    expect(await show(p.id)).toContain('Cap: [to be agreed].');
  });

  it('retainer per week, with and without a start date', async () => {
    const a = await h.ok('createProject', {
      title: 'Support',
      contractorKey: KEY,
      paymentModel: 'retainer',
      rateMinor: 50000,
      retainerPeriod: 'week',
      startDate: '2027-01-04',
    });
    const text = await show(a.id);
    expect(text).toContain('Payment model: retainer. Amount: $500.00 per week.');
    expect(text).toContain('Paid at the start of each week, the first payment on January 4, 2027.');
    cleanup();
    const b = await h.ok('createProject', {
      title: 'Content',
      contractorKey: KEY,
      paymentModel: 'retainer',
      rateMinor: 200000,
      retainerPeriod: 'month',
    });
    const month = await show(b.id);
    expect(month).toContain('Amount: $2,000.00 per month.');
    expect(month).toContain('Paid at the start of each month.');
  });

  it('milestones with due dates and amounts, in date order, in the user locale (de-DE)', async () => {
    const p = await h.ok('createProject', { title: 'Website', contractorKey: KEY, paymentModel: 'milestones', currency: 'EUR' });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Launch', dueDate: '2027-03-01', amountMinor: 60000 } });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Design', dueDate: '2027-01-15', amountMinor: 40000 } });
    // Intl puts a no-break space between amount and symbol.
    const text = (await show(p.id, 'de-DE')).replace(/[\u00a0\u202f]/g, ' ');
    const design = text.indexOf('Design: due 15. Januar 2027, 400,00 €');
    const launch = text.indexOf('Launch: due 1. März 2027, 600,00 €');
    expect(design).toBeGreaterThan(-1);
    expect(launch).toBeGreaterThan(design);
    expect(text).toContain('Total price: 1.000,00 €.');
    expect(text).toContain('Each milestone is paid when the client approves its deliverable');
    expect(text).toMatch(/Currency: all amounts are in Euro \(EUR\)/);
  });

  it('milestones without dates or amounts say what is still to agree', async () => {
    const p = await h.ok('createProject', { title: 'Website', contractorKey: KEY, paymentModel: 'milestones' });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Draft' } });
    const text = await show(p.id);
    expect(text).toContain('Draft: due date to be agreed, amount to be agreed');
    expect(text).toContain('Total price: [to be agreed].');
  });

  it('states payments in other currencies apart, never converted', async () => {
    const p = await h.ok('createProject', { title: 'Mixed', contractorKey: KEY, paymentModel: 'fixed', budgetMinor: 50000 });
    await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 20000, currency: 'USD', paidAt: '2026-11-20' } });
    await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 10000, currency: 'EUR', paidAt: '2026-11-21' } });
    const text = await show(p.id);
    expect(text).toContain('Already paid: €100.00 + $200.00. Amounts in different currencies are listed separately and not converted.');
  });

  it('Copy puts the plain text, with the one-line disclaimer, on the clipboard; edits are copied too', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const p = await h.ok('createProject', { title: 'Website', contractorKey: KEY, paymentModel: 'milestones' });
    await h.ok('saveMilestone', { projectId: p.id, patch: { title: 'Design', dueDate: '2027-01-15', amountMinor: 40000 } });
    await show(p.id);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied.split('\n')[0]).toBe('Written agreement: Website');
    expect(copied).toContain('1. Design: due January 15, 2027, $400.00');
    expect(copied.trim().split('\n').at(-1)).toBe(
      "This summary records what we agreed in plain words; the marketplace's own contract stays the legal one.",
    );
    expect(await screen.findByText(/Copied as plain text/)).toBeTruthy();

    const doc = screen.getByTestId('agreement-text');
    const li = doc.querySelector('ol li')!;
    li.textContent = 'Design: due January 20, 2027, $450.00';
    fireEvent.input(doc);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[1]![0]).toContain('1. Design: due January 20, 2027, $450.00');
    expect(screen.getByRole('button', { name: 'Reset text' })).toBeTruthy();
  });

  it('Mark as agreed records contract.signedAt and ticks the written-contract item through the background', async () => {
    const p = await h.ok('createProject', { title: 'Logo', contractorKey: KEY, paymentModel: 'fixed', budgetMinor: 1000 });
    await show(p.id);
    fireEvent.click(screen.getByRole('button', { name: 'Mark as agreed' }));
    expect(await screen.findByText(/Marked as agreed on December 1, 2026/)).toBeTruthy();
    expect(h.sent.filter((r) => r.type === 'markAgreed')).toEqual([
      { type: 'markAgreed', payload: { projectId: p.id, date: '2026-12-01' } },
    ]);
    expect((await h.db.projects.get(p.id))?.contract.signedAt).toBe('2026-12-01');
    const project = await h.ok('getProject', { id: p.id });
    expect(project?.project.contract.signedAt).toBe('2026-12-01');
    const view = await h.ok('getContractor', { key: KEY });
    expect(view?.checks.find((c) => c.itemId === 'written-contract')?.state).toBe('done');
  });
});
