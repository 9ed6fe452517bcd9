/** The whole options page on the real background: settings come from the router, and a save is what getSettings then returns. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/OptionsApp';
import { realBackground, senders, type RealBackground } from '../real-background';
import { DAY, NOW } from './helpers';

const optionsPage = senders.options;
let bg: RealBackground;

/** A backup made 45 days ago, then a real change yesterday: the reminder is due. */
beforeEach(async () => {
  bg = realBackground(optionsPage);
  bg.clock.now = NOW - 45 * DAY;
  await bg.ok('exportBackup', {}, optionsPage());
  bg.clock.now = NOW - DAY;
  await bg.ok('updateSettings', { patch: { dueSoonDays: 7 } }, optionsPage());
  const seeded = await bg.ok('getSettings', {}, optionsPage());
  expect([seeded.lastBackupAt, seeded.lastChangeAt]).toEqual([NOW - 45 * DAY, NOW - DAY]);
  bg.clock.now = NOW;
  bg.sent.length = 0;
});
afterEach(cleanup);
const stored = () => bg.ok('getSettings', {}, optionsPage());
const updates = () => bg.sent.filter((r) => r.type === 'updateSettings').map((r) => r.payload);

describe('OptionsApp', () => {
  it('shows every section, with a navigation to each', async () => {
    render(<OptionsApp now={() => NOW} />);
    const titles = [
      'Backup and restore',
      'Sync',
      'Vetting checklist',
      'Interview kit',
      'Reminders',
      'Currency and sites',
      'Storage',
      'Privacy',
      'Delete data',
    ];
    for (const name of titles) expect(await screen.findByRole('heading', { name, level: 2 })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect([...nav.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href'))).toEqual([
      '#backup',
      '#sync',
      '#checklist',
      '#interview',
      '#reminders',
      '#general',
      '#storage',
      '#privacy',
      '#delete',
    ]);
    // issue 16: the board and the reports, under the sections.
    const pages = screen.getByRole('list', { name: 'Other pages' });
    expect([...pages.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Contractor board', '/board.html'],
      ['Spend reports', '/reports.html'],
    ]);
  });

  it('shows the backup reminder when a backup is overdue', async () => {
    render(<OptionsApp now={() => NOW} />);
    expect((await screen.findByRole('region', { name: 'Backup reminder' })).textContent).toContain('45 days ago');
    expect(bg.sent[0]).toEqual({ type: 'getSettings', payload: {} });
  });

  it('saves a setting and says so; a failed save says why', async () => {
    render(<OptionsApp now={() => NOW} />);
    const input = await screen.findByLabelText(/due soon/);
    fireEvent.input(input, { target: { value: '5' } });
    fireEvent.blur(input);
    await screen.findByText('All changes saved');
    expect(updates()).toEqual([{ patch: { dueSoonDays: 5 } }]);
    expect((await stored()).dueSoonDays).toBe(5);
    // The background refuses the next save: the page shows its words and nothing changes.
    bg.failNext('updateSettings', 'internal', 'Storage is full.');
    fireEvent.input(input, { target: { value: '13' } });
    fireEvent.blur(input);
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: Storage is full.');
    expect(updates()).toEqual([{ patch: { dueSoonDays: 5 } }, { patch: { dueSoonDays: 13 } }]);
    expect((await stored()).dueSoonDays).toBe(5);
  });

  it('says what went wrong when settings cannot be loaded', async () => {
    bg.setUnreachable(true);
    render(<OptionsApp now={() => NOW} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Vetted could not reach its storage. If you just updated the extension, reload this page.',
    );
    expect(bg.sent.map((r) => r.type)).toContain('getSettings');
    expect(bg.sent.filter((r) => r.type === 'updateSettings')).toEqual([]);
  });
});
