import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractorHeader, initialsOf } from '../../../components/overlay/ContractorHeader';
import { LinkedProfiles } from '../../../components/overlay/LinkedProfiles';
import { StatusControl } from '../../../components/overlay/StatusControl';
import type { Contractor, ProfileSnapshot } from '../../../lib/db/schema';
import type { ContractorView } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

const KEY = 'upwork:~01abc';
const DAY = 24 * 60 * 60 * 1000;
let bg: RealBackground;

beforeEach(() => {
  bg = realBackground(senders.overlay);
});
afterEach(cleanup);

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD', unit: 'hour' as const });

/** The content script reports the profile page as it shows it now. */
async function seen(overrides: Partial<ProfileSnapshot> = {}): Promise<void> {
  const profile = snapshot(overrides);
  await bg.ok('reportPage', { site: profile.site, profile }, senders.content(profile.profileUrl));
}
async function shown(key = KEY): Promise<ContractorView> {
  return (await bg.ok('getContractor', { key }))!;
}
async function stored(key = KEY): Promise<Contractor> {
  return (await bg.db.contractors.get(key))!;
}
const sentOf = (type: string) => bg.sent.filter((r) => r.type === type).map((r) => r.payload);

describe('ContractorHeader', () => {
  it('shows name, site, headline and today’s marketplace numbers with their change since first seen', async () => {
    const headline = 'Analytical engine programmer';
    await seen({ headline, rate: usd(3000), marketplaceRating: { score: 4.9, outOf: 5, count: 12 }, jobSuccess: 97 });
    bg.clock.now += 30 * DAY;
    await seen({ headline, rate: usd(4500), marketplaceRating: { score: 4.7, outOf: 5, count: 31 }, jobSuccess: 97 });
    expect((await stored()).history.map((h) => h.rate?.amountMinor)).toEqual([3000, 4500]);
    render(<ContractorHeader locale="en-US" contractor={(await shown()).contractor} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByText('Upwork')).toBeTruthy();
    expect(screen.getByText('Analytical engine programmer')).toBeTruthy();
    expect(screen.getByText('$45/hr')).toBeTruthy();
    expect(screen.getByText('up from $30/hr')).toBeTruthy();
    expect(screen.getByText('4.7/5')).toBeTruthy();
    expect(screen.getByText('down from 4.9/5')).toBeTruthy();
    expect(screen.getByText('31 reviews')).toBeTruthy();
    expect(screen.getByText('97%')).toBeTruthy();
    // a price rise is bad news, a rating drop too
    expect(screen.getByText('up from $30/hr').closest('.ov-trend')!.className).toContain('ov-trend--bad');
    expect(screen.getByRole('link', { name: 'Open the Upwork profile in a new tab' }).getAttribute('href')).toBe(
      'https://www.upwork.com/freelancers/~01abc',
    );
  });

  it('asks for a name when the page gave none, and saves it', async () => {
    await seen();
    // Written straight to the table: the router now stores the page's id in place of a missing
    // name, but a record from an older build (or a backup of one) can have none.
    await bg.db.contractors.update(KEY, { name: '' });
    render(<ContractorHeader contractor={(await shown()).contractor} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Unnamed contractor');
    const box = screen.getByRole('textbox', { name: 'Contractor name' });
    fireEvent.input(box, { target: { value: '  Grace Hopper ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { name: 'Grace Hopper' } }]));
    await waitFor(async () => expect((await stored()).name).toBe('Grace Hopper'));
    expect((await stored()).nameEditedByUser).toBe(true);
  });

  it('lets the user rename, and keeps the typed name when saving fails', async () => {
    await seen();
    bg.failNext('updateContractor', 'quota', 'Storage is full');
    render(<ContractorHeader contractor={(await shown()).contractor} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit name' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Contractor name' }), { target: { value: 'Ada King' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full');
    expect(screen.getByRole('textbox', { name: 'Contractor name' })).toHaveProperty('value', 'Ada King');
    expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { name: 'Ada King' } }]);
    expect((await stored()).name).toBe('Ada Lovelace');

    // Saved once the background takes it: the form closes on the new name.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await stored()).name).toBe('Ada King'));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Contractor name' })).toBeNull());
  });

  it('renders hostile page text as text (HTML, RTL, emoji)', async () => {
    const name = '<img src=x onerror=alert(1)>‮evil';
    await seen({ name, headline: '<b>مطور</b> 🚀' });
    render(<ContractorHeader contractor={(await shown()).contractor} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(name);
    expect(screen.getByText('<b>مطور</b> 🚀')).toBeTruthy();
    expect(document.querySelector('.ov-who img, .ov-who b')).toBeNull();
  });

  it('makes initials from the first two words, emoji-safe', () => {
    expect(initialsOf('ada lovelace byron')).toBe('AL');
    expect(initialsOf('🙂 smile')).toBe('🙂S');
    expect(initialsOf('   ')).toBe('?');
  });
});

describe('StatusControl', () => {
  it('offers the four statuses as radios and saves the chosen one', async () => {
    await seen();
    render(<StatusControl contractorKey={KEY} status={(await shown()).contractor.status} />);
    expect(screen.getByRole('radio', { name: 'Prospect' })).toHaveProperty('checked', true);
    const group = screen.getByRole('group', { name: 'Status' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['Prospect', 'Shortlisted', 'Hired', 'Avoid']);
    fireEvent.click(screen.getByRole('radio', { name: 'Avoid' }));
    expect(screen.getByRole('radio', { name: 'Avoid' })).toHaveProperty('checked', true);
    await waitFor(() => expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { status: 'avoid' } }]));
    await waitFor(async () => expect((await stored()).status).toBe('avoid'));
  });

  it('goes back to the stored status when saving fails', async () => {
    await seen();
    await bg.ok('updateContractor', { key: KEY, patch: { status: 'shortlisted' } }, senders.sidepanel());
    bg.failNext('updateContractor', 'quota', 'Disk is full');
    render(<StatusControl contractorKey={KEY} status={(await shown()).contractor.status} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Hired' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Status not saved');
    expect(screen.getByRole('alert').textContent).toContain('Disk is full');
    expect(screen.getByRole('radio', { name: 'Shortlisted' })).toHaveProperty('checked', true);
    expect(sentOf('updateContractor')).toEqual([{ key: KEY, patch: { status: 'hired' } }]);
    expect((await stored()).status).toBe('shortlisted');
  });
});

describe('LinkedProfiles', () => {
  const FIVERR = 'fiverr:ada';

  it('links a profile picked from known contractors, and unlinks', async () => {
    await seen();
    await seen({ key: FIVERR, site: 'fiverr', siteId: 'ada', name: 'Ada on Fiverr', profileUrl: 'https://www.fiverr.com/ada' });
    const before = await shown();
    expect(before.linked).toEqual([]);
    const { rerender } = render(<LinkedProfiles contractor={before.contractor} linked={before.linked} />);
    fireEvent.click(screen.getByRole('button', { name: 'Link a profile' }));
    const option = await screen.findByRole('button', { name: /Ada on Fiverr/ });
    // the contractor itself is never offered
    expect(screen.getAllByRole('button', { name: /Link$/ })).toHaveLength(1);
    fireEvent.click(option);
    await waitFor(() => expect(sentOf('linkContractors')).toEqual([{ a: KEY, b: FIVERR }]));
    await waitFor(async () => expect((await stored()).links).toEqual([FIVERR]));
    expect((await stored(FIVERR)).links).toEqual([KEY]);

    const after = await shown();
    rerender(<LinkedProfiles contractor={after.contractor} linked={after.linked} />);
    expect(screen.getByRole('link', { name: /Ada on Fiverr/ }).getAttribute('href')).toBe('https://www.fiverr.com/ada');
    fireEvent.click(screen.getByRole('button', { name: 'Unlink Ada on Fiverr on Fiverr' }));
    await waitFor(() => expect(sentOf('unlinkContractors')).toEqual([{ a: KEY, b: FIVERR }]));
    await waitFor(async () => expect((await stored()).links).toEqual([]));
    expect((await stored(FIVERR)).links).toEqual([]);
    expect((await shown()).linked).toEqual([]);
  });
});
