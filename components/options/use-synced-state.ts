import { useRef, useState } from 'preact/hooks';

/**
 * Local editable state that follows its source when the source changes (another view saved), but
 * not on mount: an effect that re-applied the initial value after the first paint would overwrite
 * what a quick user (or test) already typed.
 */
export function useSyncedState<T>(source: T, identity: unknown = source): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(source);
  const seen = useRef(identity);
  if (seen.current !== identity) {
    seen.current = identity;
    // Adjusting state while rendering: the documented way to derive state from a changed prop.
    setValue(source);
  }
  return [value, setValue];
}
