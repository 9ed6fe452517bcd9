import { useEffect } from 'preact/hooks';

/**
 * Leaves a User Timing mark `vetted-overlay:<key>` the first time a contractor's data is on
 * screen, so benchmarks (scripts/bench) measure when the overlay is really usable.
 */
export function useReadyMark(shownKey: string | undefined): void {
  useEffect(() => {
    if (!shownKey) return;
    const name = `vetted-overlay:${shownKey}`;
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [shownKey]);
}
