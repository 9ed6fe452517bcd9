/** A heavy user's popup: the most urgent cards first, the rest one click away (bench: big database). */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { dashboard, milestone, NOW, project, view } from './builders';

vi.setConfig({ testTimeout: 20_000 });

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

const COUNT = 30;

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
  const projects = Array.from({ length: COUNT }, (_, i) =>
    view({ project: project({ id: `p${i}`, title: `Project ${String(i).padStart(2, '0')}` }) }),
  );
  // The last one in the background's order is the only one needing attention.
  projects[COUNT - 1] = view({
    project: project({ id: 'late', title: 'Late project' }),
    milestones: [milestone({ projectId: 'late', title: 'Wireframes', dueDate: '2026-11-20' })],
  });
  client.send.mockImplementation(async (type: string) => {
    if (type === 'getDashboard') return dashboard({ contractorCount: 1, projects });
    throw new Error(`unexpected request ${type}`);
  });
});
afterEach(cleanup);

describe('Popup with many open projects', () => {
  it('draws the most urgent cards first and the others on request', async () => {
    render(<Popup now={() => NOW} timeZone="UTC" locale="en-US" />);
    const first = await screen.findAllByTestId('project-card');
    expect(first.length).toBeLessThan(COUNT);
    expect(first.length).toBeGreaterThanOrEqual(5);
    expect(first[0]!.getAttribute('data-project-id')).toBe('late');
    // Totals still count every open project, not only the cards drawn.
    expect(screen.getByTestId('popup-totals').textContent).toContain(`${COUNT}active`);

    fireEvent.click(screen.getByRole('button', { name: `Show all ${COUNT} projects` }));
    const all = await screen.findAllByTestId('project-card');
    expect(all).toHaveLength(COUNT);
    expect(new Set(all.map((c) => c.getAttribute('data-project-id'))).size).toBe(COUNT);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });
});
