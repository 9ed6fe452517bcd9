/**
 * The options page: backup first (uninstalling deletes everything), then sync, the checklist template,
 * reminders, general settings, storage, privacy and deleting data.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/db/schema';
import { send } from '../../lib/messaging/client';
import { BackupReminder } from '../backup-reminder/BackupReminder';
import { useRequest } from '../use-request';
import { BackupSection } from './BackupSection';
import { ChecklistEditor } from './ChecklistEditor';
import { ClientNameSetting } from './ClientNameSetting';
import { InterviewKitEditor } from './InterviewKitEditor';
import { DeleteContractor, DeleteEverything } from './DeleteSection';
import { errorText } from './format';
import { CurrencySetting, SiteSwitches } from './GeneralSettings';
import { PrivacySection } from './PrivacySection';
import { ReminderSettings } from './ReminderSettings';
import { StorageSection } from './StorageSection';
import { ErrorAlert } from '../shared/ErrorAlert';
import { SyncSection } from './SyncSection';
import './options.css';

const SECTIONS = [
  { id: 'backup', title: 'Backup and restore' },
  { id: 'sync', title: 'Sync' }, // issue 11
  { id: 'checklist', title: 'Vetting checklist' },
  { id: 'interview', title: 'Interview kit' }, // issue 15
  { id: 'reminders', title: 'Reminders' },
  { id: 'general', title: 'Currency and sites' },
  { id: 'storage', title: 'Storage' },
  { id: 'privacy', title: 'Privacy' },
  { id: 'delete', title: 'Delete data' },
] as const;

export interface OptionsAppProps {
  now?: () => number;
}

export function OptionsApp({ now = Date.now }: OptionsAppProps) {
  const { data: settings, error, reload } = useRequest('getSettings', {}, { refreshOn: (e) => e.tables.includes('settings') });
  const [saveError, setSaveError] = useState<string>();
  const [saved, setSaved] = useState(0);

  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    setSaveError(undefined);
    try {
      await send('updateSettings', { patch });
      setSaved((n) => n + 1);
      await reload();
      return true;
    } catch (err) {
      setSaveError(`Not saved: ${errorText(err)}`);
      return false;
    }
  };

  const section = (id: (typeof SECTIONS)[number]['id'], body: preact.ComponentChildren, lead?: string) => {
    const title = SECTIONS.find((s) => s.id === id)!.title;
    return (
      <section id={id} class="opt-section" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{title}</h2>
        {lead && <p class="v-muted v-small">{lead}</p>}
        {body}
      </section>
    );
  };

  return (
    <div class="opt-page">
      <nav class="opt-nav" aria-label="Settings sections">
        <div class="opt-brand">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          <span>Vetted</span>
        </div>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
        {/* issue 16 */}
        <ul class="opt-nav__pages" aria-label="Other pages">
          <li>
            <a href="/board.html">Contractor board</a>
          </li>
          <li>
            <a href="/reports.html">Spend reports</a>
          </li>
        </ul>
      </nav>
      <main class="opt-main">
        <header class="opt-header">
          <h1>Settings</h1>
          <span class="v-small v-faint" role="status" aria-live="polite">
            {saved > 0 && !saveError ? 'All changes saved' : ''}
          </span>
        </header>
        <ErrorAlert message={saveError} />
        <ErrorAlert message={error} />
        <BackupReminder now={now} />
        {!settings ? (
          !error && <p class="v-muted">Loading your settings…</p>
        ) : (
          <>
            {section('backup', <BackupSection settings={settings} now={now} />)}
            {section('sync', <SyncSection now={now} />)}
            {section('checklist', <ChecklistEditor checklist={settings.checklist} save={save} />)}
            {section(
              'interview',
              <InterviewKitEditor kits={settings.interviewKits} save={save} />,
              'Questions the overlay offers for each kind of work. Answers are saved as one interview note per contractor.',
            )}
            {section('reminders', <ReminderSettings settings={settings} save={save} />)}
            {section(
              'general',
              <div class="v-stack">
                <CurrencySetting settings={settings} save={save} />
                <ClientNameSetting settings={settings} save={save} />
                <SiteSwitches settings={settings} save={save} />
              </div>,
            )}
            {section('storage', <StorageSection />)}
            {section('privacy', <PrivacySection />)}
            {section(
              'delete',
              <div class="v-stack opt-delete">
                <DeleteContractor />
                <DeleteEverything />
              </div>,
            )}
          </>
        )}
      </main>
    </div>
  );
}
