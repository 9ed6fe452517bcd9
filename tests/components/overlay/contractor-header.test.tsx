import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractorHeader, initialsOf } from '../../../components/overlay/ContractorHeader';
import { LinkedProfiles } from '../../../components/overlay/LinkedProfiles';
import { StatusControl } from '../../../components/overlay/StatusControl';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { contractor, T0 } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

beforeEach(() => {
  resetFakeClient();
  answer('updateContractor', (p) => contractor(p.patch));
});
afterEach(cleanup);

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD', unit: 'hour' as const });

describe('ContractorHeader', () => {
  it('shows name, site, headline and today’s marketplace numbers with their change since first seen', () => {
    render(
      <ContractorHeader
        locale="en-US"
        contractor={contractor({
          rate: usd(4500),
          marketplaceRating: { score: 4.7, outOf: 5, count: 31 },
          jobSuccess: 97,
          history: [
            { at: T0, rate: usd(3000), marketplaceRating: { score: 4.9, outOf: 5, count: 12 }, jobSuccess: 97 },
            { at: T0 + 1, rate: usd(4500), marketplaceRating: { score: 4.7, outOf: 5, count: 31 }, jobSuccess: 97 },
          ],
        })}
      />,
    );
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
    render(<ContractorHeader contractor={contractor({ name: '' })} />);
    const box = screen.getByRole('textbox', { name: 'Contractor name' });
    fireEvent.input(box, { target: { value: '  Grace Hopper ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsOf('updateContractor')).toEqual([{ key: 'upwork:~01abc', patch: { name: 'Grace Hopper' } }]));
  });

  it('lets the user rename, and keeps the typed name when saving fails', async () => {
    fail('updateContractor', 'Storage is full');
    render(<ContractorHeader contractor={contractor()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit name' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Contractor name' }), { target: { value: 'Ada King' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full');
    expect(screen.getByRole('textbox', { name: 'Contractor name' })).toHaveProperty('value', 'Ada King');
  });

  it('renders hostile page text as text (HTML, RTL, emoji)', () => {
    const name = '<img src=x onerror=alert(1)>‮evil';
    render(<ContractorHeader contractor={contractor({ name, headline: '<b>مطور</b> 🚀' })} />);
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
    render(<StatusControl contractorKey="upwork:~01abc" status="prospect" />);
    const group = screen.getByRole('group', { name: 'Status' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.closest('label')!.textContent),
    ).toEqual(['Prospect', 'Shortlisted', 'Hired', 'Avoid']);
    fireEvent.click(screen.getByRole('radio', { name: 'Avoid' }));
    expect(screen.getByRole('radio', { name: 'Avoid' })).toHaveProperty('checked', true);
    await waitFor(() => expect(callsOf('updateContractor')).toEqual([{ key: 'upwork:~01abc', patch: { status: 'avoid' } }]));
  });

  it('goes back to the stored status when saving fails', async () => {
    fail('updateContractor');
    render(<StatusControl contractorKey="upwork:~01abc" status="shortlisted" />);
    fireEvent.click(screen.getByRole('radio', { name: 'Hired' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Status not saved');
    expect(screen.getByRole('radio', { name: 'Shortlisted' })).toHaveProperty('checked', true);
  });
});

describe('LinkedProfiles', () => {
  const fiverr = contractor({
    key: 'fiverr:ada',
    site: 'fiverr',
    siteId: 'ada',
    name: 'Ada on Fiverr',
    profileUrl: 'https://www.fiverr.com/ada',
  });

  it('links a profile picked from known contractors, and unlinks', async () => {
    answer('listContractors', () => [contractor(), fiverr]);
    answer('linkContractors', () => ({ ok: true }));
    answer('unlinkContractors', () => ({ ok: true }));
    const { rerender } = render(<LinkedProfiles contractor={contractor()} linked={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Link a profile' }));
    const option = await screen.findByRole('button', { name: /Ada on Fiverr/ });
    // the contractor itself is never offered
    expect(screen.getAllByRole('button', { name: /Link$/ })).toHaveLength(1);
    fireEvent.click(option);
    await waitFor(() => expect(callsOf('linkContractors')).toEqual([{ a: 'upwork:~01abc', b: 'fiverr:ada' }]));

    rerender(<LinkedProfiles contractor={contractor({ links: ['fiverr:ada'] })} linked={[fiverr]} />);
    expect(screen.getByRole('link', { name: /Ada on Fiverr/ }).getAttribute('href')).toBe('https://www.fiverr.com/ada');
    fireEvent.click(screen.getByRole('button', { name: 'Unlink Ada on Fiverr on Fiverr' }));
    await waitFor(() => expect(callsOf('unlinkContractors')).toEqual([{ a: 'upwork:~01abc', b: 'fiverr:ada' }]));
  });
});
