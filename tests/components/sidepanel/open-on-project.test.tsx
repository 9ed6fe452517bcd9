/** Opened on a project (popup "Budget notes"): that project is asked for before the list of every project. */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { NOW, project, settings, view } from '../popup/builders';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

const views = [view(), view({ project: project({ id: 'p2', title: 'Logo refresh' }) })];
const order = () => client.send.mock.calls.map((c) => c[0] as string).filter((t) => t === 'getProject' || t === 'listProjects');

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 5, windowId: 1 }] as never);
  client.send.mockImplementation(async (type: string, payload: Record<string, unknown>) => {
    if (type === 'listProjects') return views.map((v) => v.project);
    if (type === 'getSettings') return settings();
    if (type === 'getProject') return views.find((v) => v.project.id === payload.id) ?? null;
    if (type === 'getTabContext') return { tabId: 5, key: null, site: null, url: null };
    throw new Error(`unexpected request ${type}`);
  });
});
afterEach(cleanup);

describe('SidePanel opened on a project', () => {
  it('asks for that project first, then fills the picker', async () => {
    render(<SidePanel initialProjectId="p2" now={() => NOW} timeZone="UTC" locale="en-US" />);
    expect(await screen.findByTestId('budget-summary')).toBeTruthy();
    await waitFor(() => expect(order()).toEqual(['getProject', 'listProjects']));
    const picker = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    await waitFor(() => expect([...picker.options].map((o) => o.value)).toEqual(['', 'p1', 'p2']));
    expect(picker.value).toBe('p2');
  });

  it('still lists every project when the project given is gone', async () => {
    render(<SidePanel initialProjectId="deleted" now={() => NOW} timeZone="UTC" locale="en-US" />);
    expect(await screen.findByText(/This project no longer exists/)).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: 'Project' }) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(3));
  });
});
