/** Opened on a project (popup "Budget notes"): that project is asked for before the list of every project. */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import type { Project } from '../../../lib/db/schema';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { NOW } from '../popup/builders';

vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
let bg: RealBackground;
let p1: Project;
let p2: Project;
const order = () => bg.sent.map((r) => r.type).filter((t) => t === 'getProject' || t === 'listProjects');

beforeEach(async () => {
  bg = realBackground(senders.sidepanel);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 5, windowId: 1 }] as never);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  p1 = await bg.ok('createProject', {
    title: 'Email flows',
    contractorKey: KEY,
    paymentModel: 'fixed',
    currency: 'USD',
    budgetMinor: 200_000,
  });
  bg.clock.now += 60_000;
  p2 = await bg.ok('createProject', { title: 'Logo refresh', contractorKey: KEY, paymentModel: 'fixed', currency: 'USD' });
});
afterEach(cleanup);

describe('SidePanel opened on a project', () => {
  it('asks for that project first, then fills the picker', async () => {
    render(<SidePanel initialProjectId={p2.id} now={() => NOW} timeZone="UTC" locale="en-US" />);
    expect(await screen.findByTestId('budget-summary')).toBeTruthy();
    await waitFor(() => expect(order()).toEqual(['getProject', 'listProjects']));
    expect(bg.sent.find((r) => r.type === 'getProject')?.payload).toEqual({ id: p2.id });
    const picker = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    // By title (the background answers newest first: Logo refresh, then Email flows).
    await waitFor(() => expect([...picker.options].map((o) => o.value)).toEqual(['', p1.id, p2.id]));
    expect(picker.value).toBe(p2.id);
    expect(picker.selectedOptions[0]!.textContent).toContain('Logo refresh');
  });

  it('still lists every project when the project given is gone', async () => {
    const gone = await bg.ok('createProject', { title: 'Deleted one', contractorKey: KEY, paymentModel: 'fixed', currency: 'USD' });
    expect(await bg.ok('deleteProject', { id: gone.id })).toEqual({ deleted: true });
    render(<SidePanel initialProjectId={gone.id} now={() => NOW} timeZone="UTC" locale="en-US" />);
    expect(await screen.findByText(/This project no longer exists/)).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(3));
    expect([...picker.options].map((o) => o.value)).toEqual(['', p1.id, p2.id]);
    expect(await bg.db.projects.get(gone.id)).toBeUndefined();
    expect(order()).toEqual(['getProject', 'listProjects']);
  });
});
