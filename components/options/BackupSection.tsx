/**
 * Export (JSON backup, CSV for spreadsheets) and import. Import sends the file to the background,
 * which checks all of it before writing anything; the page shows either the per-table report or
 * the reason the file was refused.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Download, FileSpreadsheet, Upload } from 'lucide-preact';
import { MAX_BACKUP_BYTES } from '../../lib/backup/file-names';
import type { Settings } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import type { ImportReport } from '../../lib/messaging/protocol';
import { backUpNow } from '../backup-reminder/BackupReminder';
import { downloadText } from '../backup-reminder/download';
import { daysAgo, errorText, formatBytes } from './format';
import { sendBackup, type ImportProgress } from './send-backup';

/** Progress shows for an import still running after this long (a small file never flashes it). */
const PROGRESS_AFTER_MS = 1_000;

function ImportProgressView({ progress, size }: { progress: ImportProgress | undefined; size: number }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setShown(true), PROGRESS_AFTER_MS);
    return () => clearTimeout(t);
  }, []);
  if (!shown) return null;
  const sending = progress?.phase === 'sending';
  return (
    <div class="v-stack opt-import-progress" role="status" data-testid="import-progress">
      <label class="v-small" for="opt-import-progress-bar">
        {sending
          ? `Reading the file into Vetted (part ${progress.sent + 1} of ${progress.total}, ${formatBytes(size)})…`
          : `Checking every record and writing them (${formatBytes(size)})… Large backups take a few seconds.`}
      </label>
      {/* Indeterminate while writing: the background answers once, when everything is written. */}
      <progress id="opt-import-progress-bar" max={sending ? progress.total : undefined} value={sending ? progress.sent : undefined} />
    </div>
  );
}

const TABLE_NAMES: Record<string, string> = {
  contractors: 'Contractors',
  checks: 'Checklist ticks',
  notes: 'Notes',
  ratings: 'Ratings',
  projects: 'Projects',
  milestones: 'Milestones',
  payments: 'Payments',
  settings: 'Settings',
};

type Status = { kind: 'ok' | 'error'; text: string } | null;

export function ImportReportView({ report }: { report: ImportReport }) {
  const rows = Object.entries(report.tables).filter(([, c]) => c.added + c.updated + c.skipped > 0);
  return (
    <div class="v-stack" data-testid="import-report">
      <p class="v-alert v-alert--ok" role="status">
        Import finished: {report.added} added, {report.updated} updated, {report.skipped} already up to date.
      </p>
      {rows.length > 0 && (
        <table class="opt-table">
          <caption class="v-sr-only">What the import changed, per kind of record</caption>
          <thead>
            <tr>
              <th scope="col">Records</th>
              <th scope="col">Added</th>
              <th scope="col">Updated</th>
              <th scope="col">Kept yours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([table, c]) => (
              <tr key={table}>
                <th scope="row">{TABLE_NAMES[table] ?? table}</th>
                <td class="v-num">{c.added}</td>
                <td class="v-num">{c.updated}</td>
                <td class="v-num">{c.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="v-help">A record in the file replaces yours only when it was changed more recently. Nothing was deleted.</p>
    </div>
  );
}

export function BackupSection({ settings, now = Date.now }: { settings: Settings; now?: () => number }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [exportStatus, setExportStatus] = useState<Status>(null);
  const [importError, setImportError] = useState<string>();
  const [importName, setImportName] = useState('');
  const [report, setReport] = useState<ImportReport>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [importSize, setImportSize] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (what: string, task: () => Promise<string>) => {
    setBusy(what);
    setExportStatus(null);
    try {
      setExportStatus({ kind: 'ok', text: await task() });
    } catch (err) {
      setExportStatus({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const exportJson = () => run('json', async () => `Saved ${await backUpNow()}. Keep it somewhere safe: it holds your private notes.`);
  const exportCsv = (table: 'contractors' | 'projects' | 'payments') =>
    run(table, async () => {
      const { text, filename } = await send('exportCsv', { table });
      downloadText(text, filename, 'text/csv');
      return `Saved ${filename}.`;
    });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImportName(file.name);
    setReport(undefined);
    setImportError(undefined);
    setExportStatus(null);
    if (file.size > MAX_BACKUP_BYTES) {
      setImportError(
        `This file is too large (${formatBytes(file.size)}): a Vetted backup can be at most ${formatBytes(MAX_BACKUP_BYTES)}. Is it the right file? Nothing was changed.`,
      );
      return;
    }
    setBusy('import');
    setImportSize(file.size);
    setProgress(undefined);
    try {
      const text = await file.text();
      setReport(await sendBackup(text, setProgress));
    } catch (err) {
      setImportError(errorText(err));
    } finally {
      setBusy(null);
      setProgress(undefined);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const last = settings.lastBackupAt;
  const restored = settings.lastRestoreAt;
  return (
    <div class="v-stack opt-backup">
      <p class="v-small" data-testid="last-backup">
        {last ? (
          <>
            Last backup: <strong>{daysAgo(last, now())}</strong> ({new Date(last).toLocaleDateString()}).
          </>
        ) : (
          <strong>You have not made a backup yet.</strong>
        )}{' '}
        {restored && (
          <>
            Restored from a backup <strong>{daysAgo(restored, now())}</strong> ({new Date(restored).toLocaleDateString()}).{' '}
          </>
        )}
        <span class="v-muted">Uninstalling the extension deletes its data; a backup file is the only copy.</span>
      </p>

      <div class="opt-card-grid">
        <div class="v-card v-stack">
          <h3>Back up everything</h3>
          <p class="v-small v-muted">
            One JSON file with every contractor, note, checklist tick, rating, project, milestone, payment and setting.
          </p>
          <div>
            <button type="button" class="v-btn v-btn--primary" onClick={exportJson} disabled={busy !== null}>
              <Download aria-hidden="true" />
              {busy === 'json' ? 'Exporting…' : 'Export backup'}
            </button>
          </div>
        </div>
        <div class="v-card v-stack">
          <h3>Restore from a backup</h3>
          <p class="v-small v-muted">Adds what is missing and updates what changed. Nothing of yours is deleted.</p>
          <div>
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label="Backup file to import"
              data-testid="import-file"
              accept=".json,application/json"
              onChange={(e) => void importFile(e.currentTarget.files?.[0])}
            />
            <button type="button" class="v-btn" onClick={() => fileInput.current?.click()} disabled={busy !== null}>
              <Upload aria-hidden="true" />
              {busy === 'import' ? 'Importing…' : 'Import backup…'}
            </button>
          </div>
        </div>
      </div>

      <div class="v-stack">
        <h3>Spreadsheets (CSV)</h3>
        <div class="v-row opt-wrap">
          {(['contractors', 'projects', 'payments'] as const).map((table) => (
            <button key={table} type="button" class="v-btn" onClick={() => exportCsv(table)} disabled={busy !== null}>
              <FileSpreadsheet aria-hidden="true" />
              {busy === table ? 'Exporting…' : `${TABLE_NAMES[table]} CSV`}
            </button>
          ))}
        </div>
        <span class="v-help">For Excel, Numbers or Google Sheets. CSV files cannot be imported back; use the backup for that.</span>
      </div>

      {exportStatus && (
        <p class={`v-alert v-alert--${exportStatus.kind === 'ok' ? 'ok' : 'error'}`} role={exportStatus.kind === 'ok' ? 'status' : 'alert'}>
          {exportStatus.text}
        </p>
      )}
      {busy === 'import' && <ImportProgressView progress={progress} size={importSize} />}
      {importError && (
        <div class="v-alert v-alert--error opt-import-error" role="alert" data-testid="import-error">
          <strong>Not imported: {importName}</strong>
          <span class="v-user-text">{importError}</span>
        </div>
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}
