/** A heavy user's popup: the most urgent cards first, the rest one click away (bench: big database). */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../components/popup/Popup';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { NOW } from './builders';

vi.setConfig({ testTimeout: 20_000 });

const KEY = 'upwork:~01abc';
const COUNT = 30;
const MINUTE = 60_000;
let bg: RealBackground;
let late: string;

beforeEach(async () => {
  bg = realBackground(senders.popup);
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  // The oldest project, so the last in the background's order (newest first), is the only one needing attention.
  const first = await bg.ok('createProject', { title: 'Late project', contractorKey: KEY, paymentModel: 'milestones', currency: 'USD' });
  await bg.ok('saveMilestone', { projectId: first.id, patch: { title: 'Wireframes', dueDate: '2026-11-20' } });
  late = first.id;
  for (let i = 0; i < COUNT - 1; i++) {
    bg.clock.now += MINUTE;
    await bg.ok('createProject', {
      title: `Project ${String(i).padStart(2, '0')}`,
      contractorKey: KEY,
      paymentModel: 'fixed',
      currency: 'USD',
    });
  }
  const order = (await bg.ok('getDashboard', {})).projects.map((v) => v.project.id);
  expect(order).toHaveLength(COUNT);
  expect(order.at(-1)).toBe(late);
});
afterEach(cleanup);

describe('Popup with many open projects', () => {
  it('draws the most urgent cards first and the others on request', async () => {
    render(<Popup now={() => NOW} timeZone="UTC" locale="en-US" />);
    const first = await screen.findAllByTestId('project-card');
    expect(first.length).toBeLessThan(COUNT);
    expect(first.length).toBeGreaterThanOrEqual(5);
    expect(first[0]!.getAttribute('data-project-id')).toBe(late);
    // Totals still count every open project, not only the cards drawn.
    expect(screen.getByTestId('popup-totals').textContent).toContain(`${COUNT}active`);
    expect(await bg.db.projects.where('status').equals('active').count()).toBe(COUNT);

    fireEvent.click(screen.getByRole('button', { name: `Show all ${COUNT} projects` }));
    const all = await screen.findAllByTestId('project-card');
    expect(all).toHaveLength(COUNT);
    const ids = all.map((c) => c.getAttribute('data-project-id'));
    expect(new Set(ids)).toEqual(new Set((await bg.db.projects.toArray()).map((p) => p.id)));
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
    // Showing all asked nothing more: the dashboard once (and the sync notice its status), nothing written.
    expect(bg.sent.filter((r) => r.type === 'getDashboard')).toHaveLength(1);
    expect([...new Set(bg.sent.map((r) => r.type))].sort()).toEqual(['getDashboard', 'syncStatus']);
  });
});
