import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupReminder } from '../../../components/backup-reminder/BackupReminder';
import type { Settings } from '../../../lib/db/schema';
import { captureDownloads, DAY, NOW, settings } from './helpers';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
});
afterEach(cleanup);

function serve(s: Settings) {
  client.send.mockImplementation(async (type: string) => {
    if (type === 'getSettings') return s;
    if (type === 'exportBackup') return { text: '{}', filename: 'vetted-backup-2026-11-27.json' };
    throw new Error(`unexpected ${type}`);
  });
}

async function settled() {
  await vi.waitFor(() => expect(client.send).toHaveBeenCalledWith('getSettings', {}));
  await new Promise((r) => setTimeout(r, 0));
}

describe('BackupReminder', () => {
  it('says so when the last backup is 30+ days old and data changed since, with a one-click backup', async () => {
    const saved = captureDownloads();
    serve(settings({ lastBackupAt: NOW - 40 * DAY, lastChangeAt: NOW - 2 * DAY }));
    render(<BackupReminder now={() => NOW} />);
    const banner = await screen.findByRole('region', { name: 'Backup reminder' });
    expect(banner.textContent).toContain('Your last backup was 40 days ago');
    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('status')).textContent).toContain('Backup saved as vetted-backup-2026-11-27.json');
    expect(saved.map((s) => s.name)).toEqual(['vetted-backup-2026-11-27.json']);
  });

  it('reminds someone who never backed up once the data is a day old', async () => {
    serve(settings({ lastChangeAt: NOW - 2 * DAY }));
    render(<BackupReminder now={() => NOW} compact />);
    expect((await screen.findByRole('region', { name: 'Backup reminder' })).textContent).toContain('not backed up yet');
  });

  it('stays silent after a recent backup', async () => {
    serve(settings({ lastBackupAt: NOW - 10 * DAY, lastChangeAt: NOW - DAY }));
    const { container } = render(<BackupReminder now={() => NOW} />);
    await settled();
    expect(container.textContent).toBe('');
  });

  it('stays silent when nothing changed since an old backup', async () => {
    serve(settings({ lastBackupAt: NOW - 90 * DAY, lastChangeAt: NOW - 95 * DAY }));
    const { container } = render(<BackupReminder now={() => NOW} />);
    await settled();
    expect(container.textContent).toBe('');
  });
});
