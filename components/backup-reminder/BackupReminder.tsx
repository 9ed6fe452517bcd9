/**
 * "Back up your data" banner for the popup and the options page. Shows only when a backup is due
 * (lib/domain backupStatus: changes and no backup for 30 days, or never backed up), with a
 * one-click backup that downloads the JSON file. Renders nothing otherwise.
 */
import { useState } from 'preact/hooks';
import { DownloadCloud } from 'lucide-preact';
import { backupStatus } from '../../lib/domain/backup-reminder';
import { send } from '../../lib/messaging/client';
import { useRequest } from '../use-request';
import { downloadText } from './download';
import './backup-reminder.css';

export interface BackupReminderProps {
  now?: () => number;
  /** Smaller layout for the popup. */
  compact?: boolean;
}

/** Runs an export and downloads it; shared by the banner and the options page. */
export async function backUpNow(): Promise<string> {
  const { text, filename, parts } = await send('exportBackup', {});
  // Past one message's size (64 MiB in Chromium) the background hands the file over in parts.
  const all = [text];
  for (let i = 1; i < (parts?.count ?? 1); i++) all.push((await send('getBackupPart', { id: parts!.id, index: i })).text);
  downloadText(all, filename, 'application/json');
  return filename;
}

export function BackupReminder({ now = Date.now, compact = false }: BackupReminderProps) {
  const { data: settings } = useRequest('getSettings', {}, { refreshOn: (e) => e.tables.includes('settings') });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  if (!settings) return null;
  const status = backupStatus({ lastBackupAt: settings.lastBackupAt, lastChangeAt: settings.lastChangeAt }, now());
  if (saved) {
    return (
      <div class="v-alert v-alert--ok backup-reminder" role="status" data-testid="backup-reminder">
        Backup saved as {saved}. Keep it somewhere safe.
      </div>
    );
  }
  if (!status.due) return null;

  const backUp = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSaved(await backUpNow());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const message =
    status.daysSinceBackup === null
      ? 'Your Vetted notes are not backed up yet.'
      : `Your last backup was ${status.daysSinceBackup} days ago and your data has changed since.`;
  return (
    <div
      class={`v-alert v-alert--warn backup-reminder${compact ? ' backup-reminder--compact' : ''}`}
      role="region"
      aria-label="Backup reminder"
      data-testid="backup-reminder"
    >
      <div class="backup-reminder__text">
        <strong>{message}</strong>
        {!compact && <span> Uninstalling the extension deletes everything it stores, so keep a copy.</span>}
        {error && (
          <span class="v-error-text" role="alert">
            {' '}
            {error}
          </span>
        )}
      </div>
      <button type="button" class="v-btn v-btn--sm v-btn--primary" onClick={backUp} disabled={busy}>
        <DownloadCloud aria-hidden="true" />
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
    </div>
  );
}
