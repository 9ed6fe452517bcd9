import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BackupSection } from '../../../components/options/BackupSection';
import { formatBytes } from '../../../components/options/format';
import { MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import type { ImportReport } from '../../../lib/messaging/protocol';
import { captureDownloads, DAY, NOW, settings } from './helpers';

const client = vi.hoisted(() => ({ send: vi.fn(), onChange: vi.fn() }));
vi.mock('../../../lib/messaging/client', () => ({ send: client.send, onChange: client.onChange }));

beforeEach(() => {
  fakeBrowser.reset();
  client.send.mockReset();
  client.onChange.mockReset().mockReturnValue(() => undefined);
});
afterEach(cleanup);

function chooseFile(file: File) {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const REPORT: ImportReport = {
  added: 5,
  updated: 1,
  skipped: 2,
  tables: {
    contractors: { added: 1, updated: 0, skipped: 1 },
    notes: { added: 4, updated: 1, skipped: 0 },
    ratings: { added: 0, updated: 0, skipped: 0 },
    settings: { added: 0, updated: 0, skipped: 1 },
  },
};

describe('BackupSection', () => {
  it('says when the last backup was made, or that there is none', () => {
    const { unmount } = render(<BackupSection settings={settings({ lastBackupAt: NOW - 3 * DAY })} now={() => NOW} />);
    expect(screen.getByTestId('last-backup').textContent).toContain('Last backup: 3 days ago');
    unmount();
    render(<BackupSection settings={settings()} now={() => NOW} />);
    expect(screen.getByTestId('last-backup').textContent).toContain('You have not made a backup yet.');
  });

  it('after a restore, says so instead of "You have not made a backup yet."', () => {
    render(<BackupSection settings={settings({ lastBackupAt: NOW - 2 * DAY, lastRestoreAt: NOW })} now={() => NOW} />);
    const text = screen.getByTestId('last-backup').textContent ?? '';
    expect(text).not.toContain('You have not made a backup yet.');
    expect(text).toContain('Last backup: 2 days ago');
    expect(text).toContain('Restored from a backup today');
  });

  it('exports the JSON backup as a download', async () => {
    const saved = captureDownloads();
    client.send.mockResolvedValue({ text: '{"format":"vetted-backup"}', filename: 'vetted-backup-2026-11-27.json' });
    render(<BackupSection settings={settings()} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await screen.findByText(/Saved vetted-backup-2026-11-27\.json/);
    expect(client.send).toHaveBeenCalledWith('exportBackup', {});
    expect(saved.map((s) => s.name)).toEqual(['vetted-backup-2026-11-27.json']);
    expect(await saved[0]!.blob.text()).toBe('{"format":"vetted-backup"}');
    expect(saved[0]!.blob.type).toContain('application/json');
  });

  it('exports each CSV', async () => {
    const saved = captureDownloads();
    client.send.mockImplementation(async (_type: string, { table }: { table: string }) => ({
      text: 'a,b\r\n',
      filename: `vetted-${table}.csv`,
    }));
    render(<BackupSection settings={settings()} now={() => NOW} />);
    for (const name of ['Contractors CSV', 'Projects CSV', 'Payments CSV']) {
      fireEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false));
    }
    expect(client.send.mock.calls.map((c) => c[1].table)).toEqual(['contractors', 'projects', 'payments']);
    expect(saved.map((s) => s.name)).toEqual(['vetted-contractors.csv', 'vetted-projects.csv', 'vetted-payments.csv']);
    expect(saved[0]!.blob.type).toContain('text/csv');
  });

  it('imports a file and shows what was added, updated and kept', async () => {
    client.send.mockResolvedValue(REPORT);
    render(<BackupSection settings={settings()} now={() => NOW} />);
    chooseFile(new File(['{"format":"vetted-backup"}'], 'vetted-backup-2026-11-01.json', { type: 'application/json' }));
    const report = await screen.findByTestId('import-report');
    expect(client.send).toHaveBeenCalledWith('importBackup', { text: '{"format":"vetted-backup"}' });
    expect(within(report).getByRole('status').textContent).toBe('Import finished: 5 added, 1 updated, 2 already up to date.');
    const rows = within(report)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['RecordsAddedUpdatedKept yours', 'Contractors101', 'Notes410', 'Settings001']);
  });

  it('shows why a file was refused', async () => {
    client.send.mockRejectedValue(
      new Error('This backup cannot be imported. In "notes", record #2 (id "n2"): field "body" is missing. Nothing was changed.'),
    );
    render(<BackupSection settings={settings()} now={() => NOW} />);
    chooseFile(new File(['{}'], 'notes.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not imported: notes.json');
    expect(alert.textContent).toContain('record #2 (id "n2"): field "body" is missing. Nothing was changed.');
    expect(screen.queryByTestId('import-report')).toBeNull();
  });

  it('refuses a file over the size limit without reading or sending it', async () => {
    render(<BackupSection settings={settings()} now={() => NOW} />);
    const file = new File(['x'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_BACKUP_BYTES + 10 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    chooseFile(file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`too large (${formatBytes(MAX_BACKUP_BYTES + 10 * 1024 * 1024)})`);
    expect(alert.textContent).toContain(`at most ${formatBytes(MAX_BACKUP_BYTES)}`);
    expect(client.send).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
  });
});
