/** The client's name or business, the first party of every agreement (settings.clientName). */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';

export function ClientNameField({ value }: { value: string }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(value), [value]);
  const save = async () => {
    const next = draft.trim();
    if (next === value.trim()) return;
    try {
      await send('updateSettings', { patch: { clientName: next.slice(0, 500) } });
      setError(undefined);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="v-field ag-client">
      <label class="v-label" for="ag-client-name">
        Your name or business
      </label>
      <input
        id="ag-client-name"
        class="v-input"
        value={draft}
        maxLength={500}
        placeholder="e.g. Jordan Lee, Lee Bakery Ltd"
        autocomplete="organization"
        onInput={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
        aria-describedby="ag-client-help"
      />
      <span id="ag-client-help" class="v-help">
        Used as the client in every agreement. Saved when you leave the field.
      </span>
      {error && (
        <span class="v-error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
