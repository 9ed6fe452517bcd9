/** The backup reminder on the real background: when a backup was made and data last changed is what the router stored. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupReminder } from '../../../components/backup-reminder/BackupReminder';
import { useRequest } from '../../../components/use-request';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { captureDownloads, DAY, NOW } from './helpers';

/** The options page (the harness names no options sender). */
const optionsPage = senders.options;
const KEY = 'upwork:~01abc';
let bg: RealBackground;

beforeEach(() => {
  bg = realBackground(optionsPage);
});
afterEach(cleanup);

/** What happened before the view opens, oldest first, each at its time: a backup, or a change to user data. */
async function history(events: { daysAgo: number; what: 'backup' | 'change' }[]) {
  for (const { daysAgo, what } of events) {
    bg.clock.now = NOW - daysAgo * DAY;
    if (what === 'backup') await bg.ok('exportBackup', {}, optionsPage());
    else {
      // Tracking the contractor the first time is a change; a note on them each time is one.
      if (!(await bg.db.contractors.get(KEY))) await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
      await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: `Noted ${daysAgo} days ago` });
    }
  }
  bg.clock.now = NOW;
}

/** Rendered after the reminder: its own getSettings is answered after the reminder's, so once it shows, the reminder has its answer. */
function Answered() {
  const { data } = useRequest('getSettings', {});
  return data ? <output data-testid="answered">{String(data.lastBackupAt)}</output> : null;
}

async function silentReminder() {
  render(
    <>
      <div data-testid="reminder">
        <BackupReminder now={() => NOW} />
      </div>
      <Answered />
    </>,
  );
  return screen.findByTestId('answered');
}

describe('BackupReminder', () => {
  it('says so when the last backup is 30+ days old and data changed since, with a one-click backup', async () => {
    const saved = captureDownloads();
    await history([
      { daysAgo: 40, what: 'backup' },
      { daysAgo: 2, what: 'change' },
    ]);
    expect((await bg.db.settings.toArray())[0]).toMatchObject({ lastBackupAt: NOW - 40 * DAY, lastChangeAt: NOW - 2 * DAY });
    render(<BackupReminder now={() => NOW} />);
    const banner = await screen.findByRole('region', { name: 'Backup reminder' });
    expect(banner.textContent).toContain('Your last backup was 40 days ago');
    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('status')).textContent).toContain('Backup saved as vetted-backup-2026-11-27.json');
    expect(saved.map((s) => s.name)).toEqual(['vetted-backup-2026-11-27.json']);
    // The file is the real export, and the background now knows a backup was made.
    const file = JSON.parse(await saved[0]!.blob.text()) as { exportedAt: number; data: { contractors: { key: string }[] } };
    expect(file.exportedAt).toBe(NOW);
    expect(file.data.contractors.map((c) => c.key)).toEqual([KEY]);
    expect((await bg.ok('getSettings', {})).lastBackupAt).toBe(NOW);
    expect(bg.sent.filter((r) => r.type === 'exportBackup')).toHaveLength(1);
  });

  it('reminds someone who never backed up once the data is a day old', async () => {
    await history([{ daysAgo: 2, what: 'change' }]);
    expect((await bg.ok('getSettings', {})).lastBackupAt).toBeUndefined();
    render(<BackupReminder now={() => NOW} compact />);
    expect((await screen.findByRole('region', { name: 'Backup reminder' })).textContent).toContain('not backed up yet');
  });

  it('stays silent after a recent backup', async () => {
    await history([
      { daysAgo: 11, what: 'change' },
      { daysAgo: 10, what: 'backup' },
      { daysAgo: 1, what: 'change' },
    ]);
    expect((await silentReminder()).textContent).toBe(String(NOW - 10 * DAY));
    expect(screen.getByTestId('reminder').textContent).toBe('');
  });

  it('stays silent when nothing changed since an old backup', async () => {
    await history([
      { daysAgo: 95, what: 'change' },
      { daysAgo: 90, what: 'backup' },
    ]);
    expect((await bg.db.settings.toArray())[0]).toMatchObject({ lastBackupAt: NOW - 90 * DAY, lastChangeAt: NOW - 95 * DAY });
    expect((await silentReminder()).textContent).toBe(String(NOW - 90 * DAY));
    expect(screen.getByTestId('reminder').textContent).toBe('');
  });
});
