/** One save at a time with its error kept for display; the caller keeps the user's draft. */
import { useCallback, useState } from 'preact/hooks';

export interface SaveState {
  saving: boolean;
  error?: string;
  /** Runs `action`; resolves true on success. Never throws: the error is shown instead. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clearError: () => void;
  /** Shows a problem found before saving (an empty field), as a failed save would. */
  showError: (message: string) => void;
}

export function useSave(): SaveState {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setSaving(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setSaving(false);
    }
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { saving, error, run, clearError, showError: setError };
}
