/** "Someone new" in the side panel's project form, on the real router: one request, one transaction. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import type { Harness } from '../../unit/background/harness';
import { connect } from '../agreement/real-router';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', async (original) => ({
  ...(await original<typeof import('../../../lib/messaging/client')>()),
  send: client.send,
  onChange: client.onChange,
}));

let h: Harness;
beforeEach(() => {
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  h = connect(client);
});
afterEach(cleanup);

const sent = (type: string) => client.send.mock.calls.filter((c) => c[0] === type);

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
    expect(sent('trackContractor')).toEqual([]);

    await waitFor(async () => expect(await h.db.projects.count()).toBe(1));
    const [created] = await h.db.projects.toArray();
    expect(created).toMatchObject({ title: 'Brand refresh', contractorKey: 'fiverr:anap' });
    expect(await h.db.contractors.get('fiverr:anap')).toMatchObject({ site: 'fiverr', siteId: 'anap', name: 'Ana P.' });
  });

  it('shows at the link field when the background finds the link is not a profile page, and writes nothing', async () => {
    const form = await newProjectForm();
    fireEvent.input(within(form).getByLabelText('Their name'), { target: { value: 'Ana P.' } });
    fireEvent.input(within(form).getByLabelText('Profile link'), { target: { value: 'https://www.upwork.com/nx/search/talent/?q=logo' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create project' }));
    const link = within(form).getByLabelText('Profile link');
    await waitFor(() => expect(link.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('That is not a profile page. Open their profile and copy its address.').length).toBeGreaterThan(0);
    expect(await h.db.projects.count()).toBe(0);
    expect(await h.db.contractors.count()).toBe(0);
  });
});
