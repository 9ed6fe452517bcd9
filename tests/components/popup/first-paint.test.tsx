/**
 * issue 18: the popup paints first from the small first paint the background keeps in
 * storage.session — its first cards, with the count and totals of every project — and then from
 * the whole dashboard its request answers. On the real background (the first paint is the one the
 * background's own DashboardSummary wrote).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { Popup } from '../../../components/popup/Popup';
import { DashboardSummary } from '../../../lib/background/dashboard-summary';
import { FIRST_PAINT_SESSION_KEY, POPUP_FIRST_CARDS } from '../../../lib/messaging/kept-dashboard';
import { realBackground, senders, type RealBackground } from '../real-background';

vi.setConfig({ testTimeout: 20_000 });
let bg: RealBackground;
const COUNT = 20;

beforeEach(async () => {
  bg = realBackground(senders.popup);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([] as never);
  for (let i = 0; i < COUNT; i++) {
    await bg.ok('createProject', {
      title: `Project ${String(i).padStart(2, '0')}`,
      status: 'active',
      budgetMinor: 50_000,
      currency: 'USD',
    });
  }
  // What the background keeps (lib/background/main.ts keeps it fresh the same way).
  const summary = new DashboardSummary(bg.db, browser.storage.session as never, () => bg.clock.now);
  summary.keepFresh();
  await summary.get();
  await waitFor(async () => expect((await browser.storage.session.get(FIRST_PAINT_SESSION_KEY))[FIRST_PAINT_SESSION_KEY]).toBeTruthy());
});
afterEach(cleanup);

const cards = () => screen.queryAllByTestId('project-card');

describe('the popup’s first paint', () => {
  it('shows the first cards and the totals of all projects before its request is answered', async () => {
    bg.setUnreachable(true); // the request never answers: what shows is the kept first paint
    render(<Popup now={() => bg.clock.now} timeZone="UTC" locale="en-US" />);
    await waitFor(() => expect(cards()).toHaveLength(POPUP_FIRST_CARDS));
    const totals = screen.getByTestId('popup-totals');
    expect(within(totals).getByText(String(COUNT))).toBeTruthy();
    expect(totals.textContent).toContain('$10,000');
    expect(screen.getByRole('button', { name: `Show all ${COUNT} projects` })).toBeTruthy();
    expect(bg.sent.map((r) => r.type)).toContain('getDashboard');
  });

  it('then takes the whole dashboard from the answer: Show all draws every project', async () => {
    render(<Popup now={() => bg.clock.now} timeZone="UTC" locale="en-US" />);
    await waitFor(() => expect(cards()).toHaveLength(POPUP_FIRST_CARDS));
    await bg.settled();
    fireEvent.click(await screen.findByRole('button', { name: `Show all ${COUNT} projects` }));
    await waitFor(() => expect(cards()).toHaveLength(COUNT));
  });
});
