/** issue 15: the client's name or business, the first party of every written agreement. */
import type { Settings } from '../../lib/db/schema';
import type { SaveSettings } from './types';
import { useSyncedState } from './use-synced-state';

export function ClientNameSetting({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const stored = settings.clientName ?? '';
  const [draft, setDraft] = useSyncedState(stored);
  const commit = () => {
    const next = draft.trim().slice(0, 500);
    if (next !== stored) void save({ clientName: next });
  };
  return (
    <div class="v-field opt-client-name">
      <label class="v-label" for="opt-client-name">
        Your name or business (for written agreements)
      </label>
      <input
        id="opt-client-name"
        class="v-input"
        value={draft}
        maxLength={500}
        autocomplete="organization"
        placeholder="e.g. Jordan Lee, Lee Bakery Ltd"
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </div>
  );
}
