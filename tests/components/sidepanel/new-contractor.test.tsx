/** "Someone new" in the side panel's project form, on the real router: one request, one transaction. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { realBackground, senders, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });

let bg: RealBackground;
beforeEach(() => {
  bg = realBackground(senders.sidepanel);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 5, windowId: 1 }] as never);
});
afterEach(cleanup);

const sent = (type: string) => bg.sent.filter((r) => r.type === type);

async function newProjectForm() {
  render(<SidePanel startNew timeZone="UTC" locale="en-US" />);
  const form = await screen.findByRole('form', { name: 'New project' });
  fireEvent.input(within(form).getByLabelText('Title'), { target: { value: 'Brand refresh' } });
  fireEvent.change(within(form).getByLabelText('Contractor'), { target: { value: '__new__' } });
  return form;
}

describe('side panel: a project with someone new', () => {
  it('checks the name where it is typed, then tracks the person and creates their project in one request', async () => {
    const form = await newProjectForm();
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    expect(await within(form).findByText('Type their name.')).toBeTruthy();
    expect(sent('createProject')).toEqual([]);

    fireEvent.input(within(form).getByLabelText('Their name'), { target: { value: 'Ana P.' } });
    fireEvent.input(within(form).getByLabelText('Profile link'), { target: { value: 'https://www.fiverr.com/anap' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(sent('createProject')).toHaveLength(1));
    expect(sent('createProject')[0]!.payload).toMatchObject({
      title: 'Brand refresh',
      newContractor: { name: 'Ana P.', link: 'https://www.fiverr.com/anap' },
    });
    expect(sent('trackContractor')).toEqual([]);

    await waitFor(async () => expect(await bg.db.projects.count()).toBe(1));
    const [created] = await bg.db.projects.toArray();
    expect(created).toMatchObject({ title: 'Brand refresh', contractorKey: 'fiverr:anap' });
    expect(await bg.db.contractors.get('fiverr:anap')).toMatchObject({ site: 'fiverr', siteId: 'anap', name: 'Ana P.' });
  });

  it('shows at the link field when the background finds the link is not a profile page, and writes nothing', async () => {
    const form = await newProjectForm();
    fireEvent.input(within(form).getByLabelText('Their name'), { target: { value: 'Ana P.' } });
    fireEvent.input(within(form).getByLabelText('Profile link'), { target: { value: 'https://www.upwork.com/nx/search/talent/?q=logo' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    const link = within(form).getByLabelText('Profile link');
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('That is not a profile page. Open their profile and copy its address.').length).toBeGreaterThan(0);
    // The background refused it: the request went out, and nothing was stored.
    expect(sent('createProject')).toHaveLength(1);
    expect(sent('createProject')[0]!.payload).toMatchObject({ newContractor: { link: 'https://www.upwork.com/nx/search/talent/?q=logo' } });
    expect(await bg.db.projects.count()).toBe(0);
    expect(await bg.db.contractors.count()).toBe(0);
  });
});
