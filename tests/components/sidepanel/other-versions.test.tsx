/**
 * issue 11: in the side panel, a project, a milestone and a payment each changed on two devices
 * before they synced show "2 versions", on the real background (the real merge kept the other
 * edit); using the other payment makes it the payment.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { losingEditFromOtherDevice } from '../../unit/background/other-device';

vi.setConfig({ testTimeout: 20_000 });
const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.sidepanel);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 5, windowId: 1 }] as never);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(cleanup);

describe('other versions in the side panel', () => {
  it('marks the project, the milestone and the payment, and takes the other payment back', async () => {
    const p = await bg.ok('createProject', { title: 'Landing page', contractorKey: KEY, paymentModel: 'milestones', currency: 'USD' });
    const m = await bg.ok('saveMilestone', { projectId: p.id, patch: { title: 'Design', amountMinor: 50_000 } });
    const pay = await bg.ok('savePayment', { projectId: p.id, patch: { amountMinor: 20_000, currency: 'USD', paidAt: '2026-11-20' } });
    await losingEditFromOtherDevice(bg, 'projects', p.id, { title: 'Landing page and blog' });
    await losingEditFromOtherDevice(bg, 'milestones', m.id, { title: 'Design and copy' });
    await losingEditFromOtherDevice(bg, 'payments', pay.id, { amountMinor: 25_000, note: 'Includes the bonus' });

    render(<SidePanel initialProjectId={p.id} timeZone="UTC" locale="en-US" />);
    await screen.findByTestId('budget-summary');
    await waitFor(() => expect(screen.getAllByRole('button', { name: /2 versions/ })).toHaveLength(3));

    const milestone = screen.getByTestId('milestone-item');
    fireEvent.click(within(milestone).getByRole('button', { name: /2 versions/ }));
    expect(within(milestone).getByRole('group', { name: 'Other version of this milestone' }).textContent).toContain('Design and copy');

    const payment = screen.getByTestId('payment-item');
    fireEvent.click(within(payment).getByRole('button', { name: /2 versions/ }));
    const other = within(payment).getByRole('group', { name: 'Other version of this payment' });
    expect(other.textContent).toContain('$250');
    expect(other.textContent).toContain('Includes the bonus');
    fireEvent.click(within(other).getByRole('button', { name: 'Use this version' }));
    await waitFor(async () => expect((await bg.db.payments.get(pay.id))!.amountMinor).toBe(25_000));
    // The panel follows the write: the payment reads the other amount, and still offers the replaced one.
    await waitFor(() => expect(within(screen.getByTestId('payment-item')).getByText('$250')).toBeTruthy());
    const back = await bg.ok('otherVersions', { table: 'payments', keys: [pay.id] });
    expect(back.versions.map((v) => v.row.amountMinor)).toEqual([20_000]);

    const head = document.querySelector<HTMLElement>('.sp-head')!;
    fireEvent.click(within(head).getByRole('button', { name: /2 versions/ }));
    expect(screen.getByRole('group', { name: 'Other version of this project' }).textContent).toContain('Landing page and blog');
  });
});
