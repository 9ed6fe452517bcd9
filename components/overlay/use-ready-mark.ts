import { useShownMark } from '../shared/use-shown-mark';

/**
 * Leaves a User Timing mark `vetted-overlay:<key>` the first time a contractor's data is on
 * screen, so benchmarks (scripts/bench) measure when the overlay is really usable.
 */
export function useReadyMark(shownKey: string | undefined): void {
  useShownMark(shownKey ? `vetted-overlay:${shownKey}` : undefined);
}
