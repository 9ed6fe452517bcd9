/** Options → backup and restore on the real background: the export is the router's, an import is stored, a refused file changes nothing. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '../../../components/options/BackupSection';
import { formatBytes } from '../../../components/options/format';
import { backupFilename, MAX_BACKUP_BYTES } from '../../../lib/backup/format';
import { realBackground, senders, snapshot, type RealBackground } from '../real-background';
import { captureDownloads, DAY, NOW, settings } from './helpers';

const optionsPage = senders.options;
const KEY = 'upwork:~01abc';
let bg: RealBackground;

/** One tracked contractor with a note, reported and written through the router. */
beforeEach(async () => {
  bg = realBackground(optionsPage);
  bg.clock.now = NOW;
  await bg.ok('reportPage', { site: 'upwork', profile: snapshot() }, senders.content());
  await bg.ok('saveNote', { contractorKey: KEY, kind: 'general', body: 'Careful with deadlines' });
  bg.sent.length = 0;
});
afterEach(cleanup);

function chooseFile(file: File) {
  const input = screen.getByTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const stored = () => bg.ok('getSettings', {}, optionsPage());

describe('BackupSection', () => {
  it('says when the last backup was made, or that there is none', () => {
    const { unmount } = render(<BackupSection settings={settings({ lastBackupAt: NOW - 3 * DAY })} now={() => NOW} />);
    expect(screen.getByTestId('last-backup').textContent).toContain('Last backup: 3 days ago');
    unmount();
    render(<BackupSection settings={settings()} now={() => NOW} />);
    expect(screen.getByTestId('last-backup').textContent).toContain('You have not made a backup yet.');
    expect(bg.sent).toEqual([]);
  });

  it('after a restore, says so instead of "You have not made a backup yet."', () => {
    render(<BackupSection settings={settings({ lastBackupAt: NOW - 2 * DAY, lastRestoreAt: NOW })} now={() => NOW} />);
    const text = screen.getByTestId('last-backup').textContent ?? '';
    expect(text).not.toContain('You have not made a backup yet.');
    expect(text).toContain('Last backup: 2 days ago');
    expect(text).toContain('Restored from a backup today');
    expect(bg.sent).toEqual([]);
  });

  it('exports the JSON backup as a download', async () => {
    const saved = captureDownloads();
    render(<BackupSection settings={settings()} now={() => NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    const filename = backupFilename(NOW);
    await screen.findByText(new RegExp(`Saved ${filename.replace(/\./g, '\\.')}`));
    expect(bg.sent).toEqual([{ type: 'exportBackup', payload: {} }]);
    expect(saved.map((s) => s.name)).toEqual([filename]);
    const file = JSON.parse(await saved[0]!.blob.text()) as { format: string; data: Record<string, { key?: string; body?: string }[]> };
    expect(file.format).toBe('vetted-backup');
    expect(file.data.contractors!.map((c) => c.key)).toEqual([KEY]);
    expect(file.data.notes!.map((n) => n.body)).toEqual(['Careful with deadlines']);
    expect(saved[0]!.blob.type).toContain('application/json');
    // The background recorded the backup.
    expect((await stored()).lastBackupAt).toBe(NOW);
  });

  it('exports each CSV', async () => {
    const saved = captureDownloads();
    render(<BackupSection settings={settings()} now={() => NOW} />);
    for (const name of ['Contractors CSV', 'Projects CSV', 'Payments CSV']) {
      fireEvent.click(screen.getByRole('button', { name }));
      await waitFor(() => expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(false));
    }
    expect(bg.sent).toEqual(['contractors', 'projects', 'payments'].map((table) => ({ type: 'exportCsv', payload: { table } })));
    expect(saved.map((s) => s.name)).toEqual([
      'vetted-contractors-2026-11-27.csv',
      'vetted-projects-2026-11-27.csv',
      'vetted-payments-2026-11-27.csv',
    ]);
    expect(saved[0]!.blob.type).toContain('text/csv');
    expect(await saved[0]!.blob.text()).toContain('Ada Lovelace');
  });

  it('imports a file and shows what was added, updated and kept', async () => {
    const { text } = await bg.ok('exportBackup', {}, optionsPage());
    await bg.ok('deleteContractor', { key: KEY }, optionsPage());
    expect(await bg.db.contractors.count()).toBe(0);
    bg.sent.length = 0;
    render(<BackupSection settings={settings()} now={() => NOW} />);
    chooseFile(new File([text], 'vetted-backup-2026-11-01.json', { type: 'application/json' }));
    const report = await screen.findByTestId('import-report');
    expect(bg.sent).toEqual([{ type: 'importBackup', payload: { text } }]);
    expect(within(report).getByRole('status').textContent).toBe('Import finished: 2 added, 0 updated, 1 already up to date.');
    const rows = within(report)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['RecordsAddedUpdatedKept yours', 'Contractors100', 'Notes100', 'Settings001']);
    // What the file held is stored again.
    expect((await bg.db.contractors.get(KEY))?.name).toBe('Ada Lovelace');
    expect((await bg.db.notes.where('contractorKey').equals(KEY).toArray()).map((n) => n.body)).toEqual(['Careful with deadlines']);
  });

  it('shows why a file was refused', async () => {
    const { text } = await bg.ok('exportBackup', {}, optionsPage());
    const file = JSON.parse(text) as { data: { notes: Record<string, unknown>[] } };
    const broken = file.data.notes[0]!;
    delete broken.body;
    await bg.ok('deleteContractor', { key: KEY }, optionsPage());
    bg.sent.length = 0;
    render(<BackupSection settings={settings()} now={() => NOW} />);
    chooseFile(new File([JSON.stringify(file)], 'notes.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not imported: notes.json');
    expect(alert.textContent).toContain(`"notes", record #1 (id "${String(broken.id)}"): field "body" is missing. Nothing was changed.`);
    expect(screen.queryByTestId('import-report')).toBeNull();
    expect(bg.sent.map((r) => r.type)).toEqual(['importBackup']);
    expect(await bg.db.contractors.count()).toBe(0);
    expect(await bg.db.notes.count()).toBe(0);
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
    expect(bg.sent).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });
});
