import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProjectActions } from '../../../components/overlay/ProjectActions';
import { answer, callsOf, fail, resetFakeClient } from './fake-client';
import { contractor, project } from './data';

vi.mock('../../../lib/messaging/client', () => import('./fake-client'));

type WithPanel = typeof fakeBrowser & { sidePanel?: { open: (o: { tabId: number }) => Promise<void> } };

beforeEach(() => {
  fakeBrowser.reset();
  resetFakeClient();
  answer('createProject', (p) => project({ id: 'p9', title: p.title, status: 'active' }));
});
afterEach(() => {
  cleanup();
  delete (fakeBrowser as WithPanel).sidePanel;
});

describe('ProjectActions', () => {
  it('starts a project and opens the side panel within the click, before the project exists', async () => {
    const opened: { tabId: number }[] = [];
    let created = false;
    (fakeBrowser as WithPanel).sidePanel = {
      open: async (o) => {
        // The user gesture is gone once anything is awaited: the panel must be asked first.
        expect(created).toBe(false);
        opened.push(o);
      },
    };
    answer('createProject', (p) => {
      created = true;
      return project({ id: 'p9', title: p.title, status: 'active' });
    });
    render(<ProjectActions contractor={contractor()} projects={[]} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect(opened).toEqual([{ tabId: 7 }]);
    expect((await screen.findByRole('status')).textContent).toContain('“Project with Ada Lovelace” started');
    expect(callsOf('createProject')).toEqual([
      { title: 'Project with Ada Lovelace', contractorKey: 'upwork:~01abc', createId: expect.any(String) },
    ]);
    expect((await fakeBrowser.tabs.query({})).some((t) => t.url?.includes('sidepanel.html'))).toBe(false);
  });

  it('falls back to the side panel page in a new tab when no panel API is there', async () => {
    render(<ProjectActions contractor={contractor({ name: '' })} projects={[]} tabId={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    const panelTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('sidepanel.html'));
    await waitFor(async () => expect(await panelTabs()).toHaveLength(1));
    expect((await panelTabs())[0]!.url).toMatch(/\/sidepanel\.html\?project=p9$/);
    expect(callsOf('createProject')[0]?.title).toBe('New project');
  });

  it('says why when the project cannot be created', async () => {
    fail('createProject', 'Storage is full');
    render(<ProjectActions contractor={contractor()} projects={[]} tabId={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full');
  });

  it('lists projects under way with a way to their budget notes', () => {
    render(
      <ProjectActions
        contractor={contractor()}
        tabId={1}
        projects={[project({ id: 'a', title: 'Logo', status: 'active' }), project({ id: 'b', title: 'Old', status: 'completed' })]}
      />,
    );
    expect(screen.getByText('1 project under way')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open budget notes for Logo' })).toBeTruthy();
    expect(screen.queryByText('Old')).toBeNull();
  });
});

describe('ProjectActions with a project under way (issue 14)', () => {
  const active = project({ id: 'a', title: 'Logo', status: 'active' });

  it('"Start a project" offers to open the active one, with focus on it, and creates nothing', async () => {
    render(<ProjectActions contractor={contractor()} tabId={null} projects={[active]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    const open = screen.getByRole('button', { name: 'Open “Logo”' });
    expect(screen.getByRole('group', { name: 'A project is already under way' }).textContent).toContain(
      '“Logo” with Ada Lovelace is already active',
    );
    await waitFor(() => expect(document.activeElement).toBe(open));
    fireEvent.click(open);
    const panelTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('sidepanel.html'));
    await waitFor(async () => expect((await panelTabs())[0]?.url).toMatch(/\/sidepanel\.html\?project=a$/));
    expect(callsOf('createProject')).toEqual([]);
  });

  it('creating another is a deliberate second choice', async () => {
    render(<ProjectActions contractor={contractor()} tabId={null} projects={[project({ id: 'a', title: 'Logo', status: 'planned' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect(screen.getByRole('group').textContent).toContain('is already planned');
    fireEvent.click(screen.getByRole('button', { name: 'Start another project' }));
    await waitFor(() => expect(callsOf('createProject')).toHaveLength(1));
  });

  it('Esc closes the question only, and focus returns to "Start a project"', async () => {
    const outer = vi.fn();
    render(
      <div onKeyDown={outer}>
        <ProjectActions contractor={contractor()} tabId={null} projects={[active]} />
      </div>,
    );
    const startButton = screen.getByRole('button', { name: 'Start a project' });
    fireEvent.click(startButton);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Open “Logo”' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(startButton);
    expect(outer).not.toHaveBeenCalled();
    expect(callsOf('createProject')).toEqual([]);
  });

  it('a paused or finished project does not hold up a new one', async () => {
    render(<ProjectActions contractor={contractor()} tabId={null} projects={[project({ id: 'p', title: 'Old', status: 'paused' })]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    await waitFor(() => expect(callsOf('createProject')).toHaveLength(1));
  });
});
