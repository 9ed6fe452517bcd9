import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { Settings } from '../../../lib/db/schema';
import { DAY, NOW, settings } from './helpers';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

let current: Settings;
beforeEach(() => {
  fakeBrowser.reset();
  current = settings({ lastChangeAt: NOW - DAY, lastBackupAt: NOW - 45 * DAY });
  client.send.mockReset().mockImplementation(async (type: string, payload: { patch?: Partial<Settings> }) => {
    switch (type) {
      case 'getSettings':
        return current;
      case 'updateSettings':
        if (payload.patch?.dueSoonDays === 13) throw new Error('Storage is full.');
        current = { ...current, ...payload.patch };
        return current;
      case 'getStorageInfo':
        return { persisted: true, counts: { contractors: 1 } };
      case 'listContractors':
        return [];
      case 'syncStatus': // issue 11
        return {
          connected: false,
          serverUrl: null,
          user: null,
          workspaceId: null,
          deviceName: null,
          running: false,
          lastSyncAt: null,
          lastAttemptAt: null,
          lastError: null,
        };
      default:
        throw new Error(`unexpected ${type}`);
    }
  });
  client.onChange.mockReset().mockReturnValue(() => undefined);
});
afterEach(cleanup);

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
  });

  it('saves a setting and says so; a failed save says why', async () => {
    render(<OptionsApp now={() => NOW} />);
    const input = await screen.findByLabelText(/due soon/);
    fireEvent.input(input, { target: { value: '5' } });
    fireEvent.blur(input);
    await waitFor(() => expect(client.send).toHaveBeenCalledWith('updateSettings', { patch: { dueSoonDays: 5 } }));
    await screen.findByText('All changes saved');
    fireEvent.input(input, { target: { value: '13' } });
    fireEvent.blur(input);
    expect((await screen.findByRole('alert')).textContent).toBe('Not saved: Storage is full.');
  });

  it('says what went wrong when settings cannot be loaded', async () => {
    client.send.mockRejectedValue(new Error('Vetted could not reach its storage.'));
    render(<OptionsApp now={() => NOW} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Vetted could not reach its storage.');
  });
});
