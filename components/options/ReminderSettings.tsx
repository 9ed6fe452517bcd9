/** Reminders: desktop notifications on/off and how many days ahead a milestone counts as due soon. */
import { useState } from 'preact/hooks';
import { useSyncedState } from './use-synced-state';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/db/schema';
import type { SaveSettings } from './types';

export interface ReminderSettingsProps {
  settings: Settings;
  save: SaveSettings;
}

/** Asks for the notifications permission only when it is not already granted (optional in some builds). */
async function ensureNotificationPermission(): Promise<boolean> {
  const permissions = browser.permissions;
  if (!permissions?.contains) return true;
  try {
    if (await permissions.contains({ permissions: ['notifications'] })) return true;
    return await permissions.request({ permissions: ['notifications'] });
  } catch {
    // Declared as required in the manifest: nothing to ask for.
    return true;
  }
}

export function ReminderSettings({ settings, save }: ReminderSettingsProps) {
  const [days, setDays] = useSyncedState(String(settings.dueSoonDays));
  const [error, setError] = useState<string>();

  const toggle = async (on: boolean) => {
    setError(undefined);
    if (on && !(await ensureNotificationPermission())) {
      setError('Notifications stay off: the browser did not allow them.');
      return;
    }
    await save({ notifications: on });
  };

  const commitDays = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 0 || n > 60) {
      setError('Enter a whole number of days from 0 to 60.');
      return;
    }
    setError(undefined);
    if (n !== settings.dueSoonDays) void save({ dueSoonDays: n });
  };

  return (
    <div class="v-stack">
      <label class="opt-switch">
        <input type="checkbox" checked={settings.notifications} onChange={(e) => void toggle(e.currentTarget.checked)} />
        <span>
          <strong>Desktop notifications</strong>
          <span class="v-help">
            {' '}
            for overdue milestones and missed check-ins (checked every hour). The toolbar badge counts them either way.
          </span>
        </span>
      </label>
      <div class="v-field opt-narrow">
        <label class="v-label" for="due-soon-days">
          A milestone is “due soon” this many days ahead
        </label>
        <input
          id="due-soon-days"
          class="v-input"
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          step={1}
          value={days}
          aria-invalid={error?.startsWith('Enter') ? 'true' : undefined}
          aria-describedby="due-soon-help"
          onInput={(e) => setDays(e.currentTarget.value)}
          onBlur={commitDays}
          onKeyDown={(e) => e.key === 'Enter' && commitDays()}
        />
        <span class="v-help" id="due-soon-help">
          0 to 60 days.
        </span>
      </div>
      {error && (
        <p class="v-error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
