import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProjectActions } from '../../../components/overlay/ProjectActions';
import type { Project } from '../../../lib/db/schema';
import type { ContractorView, RequestPayload } from '../../../lib/messaging/protocol';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';

type WithPanel = typeof fakeBrowser & { sidePanel?: { open: (o: { tabId: number }) => Promise<void> } };

const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(async () => {
  bg = realBackground(senders.overlay);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
});
afterEach(() => {
  cleanup();
  delete (fakeBrowser as WithPanel).sidePanel;
});

/** What the background gives the overlay for KEY. */
async function shown(): Promise<ContractorView> {
  return (await bg.ok('getContractor', { key: KEY }))!;
}
/** A project of KEY's in the real database, made in the side panel. */
async function stored(title: string, status: Project['status']): Promise<Project> {
  const p = await bg.ok('createProject', { title, contractorKey: KEY, paymentModel: 'fixed' }, senders.sidepanel());
  return status === 'active' ? p : bg.ok('updateProject', { id: p.id, patch: { status } }, senders.sidepanel());
}
const created = () => bg.sent.filter((r) => r.type === 'createProject').map((r) => r.payload as RequestPayload<'createProject'>);
const panelTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('sidepanel.html'));

describe('ProjectActions', () => {
  it('starts a project and opens the side panel within the click, before the project exists', async () => {
    const opened: { tabId: number }[] = [];
    (fakeBrowser as WithPanel).sidePanel = {
      open: async (o) => {
        // The user gesture is gone once anything is awaited: the panel must be asked first.
        expect(created()).toEqual([]);
        opened.push(o);
      },
    };
    const view = await shown();
    render(<ProjectActions contractor={view.contractor} projects={view.projects} tabId={7} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect(opened).toEqual([{ tabId: 7 }]);
    expect((await screen.findByRole('status')).textContent).toContain('“Project with Ada Lovelace” started');
    expect(created()).toEqual([{ title: 'Project with Ada Lovelace', contractorKey: KEY, createId: expect.any(String) }]);
    const kept = await bg.db.projects.toArray();
    expect(kept.map((p) => [p.id, p.title, p.contractorKey, p.status])).toEqual([
      [created()[0]!.createId, 'Project with Ada Lovelace', KEY, 'active'],
    ]);
    expect(await panelTabs()).toEqual([]);
  });

  it('falls back to the side panel page in a new tab when no panel API is there', async () => {
    // A name the user blanked out: the background stores it empty.
    await bg.ok('updateContractor', { key: KEY, patch: { name: '   ' } }, senders.sidepanel());
    const view = await shown();
    expect(view.contractor.name).toBe('');
    render(<ProjectActions contractor={view.contractor} projects={view.projects} tabId={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    await waitFor(async () => expect(await panelTabs()).toHaveLength(1));
    const [project] = await bg.db.projects.toArray();
    expect(project?.title).toBe('New project');
    expect((await panelTabs())[0]!.url).toMatch(new RegExp(`/sidepanel\\.html\\?project=${project!.id}$`));
    expect(created()).toEqual([{ title: 'New project', contractorKey: KEY, createId: project!.id }]);
    expect(project?.contractorKey).toBe(KEY);
  });

  it('says why when the project cannot be created', async () => {
    bg.failNext('createProject', 'quota', 'Storage is full');
    const view = await shown();
    render(<ProjectActions contractor={view.contractor} projects={view.projects} tabId={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Storage is full');
    expect(created()).toHaveLength(1);
    expect(await bg.db.projects.count()).toBe(0);
    expect(await panelTabs()).toEqual([]);
  });

  it('lists projects under way with a way to their budget notes', async () => {
    await stored('Logo', 'active');
    await stored('Old', 'completed');
    const view = await shown();
    expect(view.projects.map((p) => [p.title, p.status]).sort()).toEqual([
      ['Logo', 'active'],
      ['Old', 'completed'],
    ]);
    render(<ProjectActions contractor={view.contractor} tabId={1} projects={view.projects} />);
    expect(screen.getByText('1 project under way')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open budget notes for Logo' })).toBeTruthy();
    expect(screen.queryByText('Old')).toBeNull();
  });
});

describe('ProjectActions with a project under way (issue 14)', () => {
  it('"Start a project" offers to open the active one, with focus on it, and creates nothing', async () => {
    const active = await stored('Logo', 'active');
    const view = await shown();
    const sentBefore = bg.sent.length;
    render(<ProjectActions contractor={view.contractor} tabId={null} projects={view.projects} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    const open = screen.getByRole('button', { name: 'Open “Logo”' });
    expect(screen.getByRole('group', { name: 'A project is already under way' }).textContent).toContain(
      '“Logo” with Ada Lovelace is already active',
    );
    await waitFor(() => expect(document.activeElement).toBe(open));
    fireEvent.click(open);
    await waitFor(async () => expect((await panelTabs())[0]?.url).toMatch(new RegExp(`/sidepanel\\.html\\?project=${active.id}$`)));
    expect(bg.sent.slice(sentBefore)).toEqual([]);
    expect((await bg.db.projects.toArray()).map((p) => p.id)).toEqual([active.id]);
  });

  it('creating another is a deliberate second choice', async () => {
    const planned = await stored('Logo', 'planned');
    const view = await shown();
    render(<ProjectActions contractor={view.contractor} tabId={null} projects={view.projects} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect(screen.getByRole('group').textContent).toContain('is already planned');
    expect(created()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Start another project' }));
    await waitFor(() => expect(created()).toHaveLength(1));
    await waitFor(async () => expect(await bg.db.projects.count()).toBe(2));
    const other = (await bg.db.projects.toArray()).find((p) => p.id !== planned.id);
    expect([other?.title, other?.status]).toEqual(['Project with Ada Lovelace', 'active']);
  });

  it('Esc closes the question only, and focus returns to "Start a project"', async () => {
    await stored('Logo', 'active');
    const view = await shown();
    const outer = vi.fn();
    render(
      <div onKeyDown={outer}>
        <ProjectActions contractor={view.contractor} tabId={null} projects={view.projects} />
      </div>,
    );
    const startButton = screen.getByRole('button', { name: 'Start a project' });
    fireEvent.click(startButton);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Open “Logo”' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(startButton);
    expect(outer).not.toHaveBeenCalled();
    expect(created()).toEqual([]);
    expect(await bg.db.projects.count()).toBe(1);
  });

  it('a paused or finished project does not hold up a new one', async () => {
    const paused = await stored('Old', 'paused');
    const view = await shown();
    render(<ProjectActions contractor={view.contractor} tabId={null} projects={view.projects} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start a project' }));
    expect(screen.queryByRole('group')).toBeNull();
    await waitFor(() => expect(created()).toHaveLength(1));
    await waitFor(async () => expect(await bg.db.projects.count()).toBe(2));
    expect((await bg.db.projects.get(paused.id))?.status).toBe('paused');
  });
});
