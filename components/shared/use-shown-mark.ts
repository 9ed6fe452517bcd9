import { useEffect } from 'preact/hooks';

/** The popup's mark: its first project card is on screen. */
export const POPUP_SHOWN_MARK = 'vetted-popup:first-card';

/**
 * Leaves the User Timing mark `name` the first time it is given (after that render is on screen),
 * so benchmarks (scripts/bench) can read when a page really showed its content, in browsers whose
 * automation cannot watch the DOM from the start (Firefox over BiDi). Undefined: not shown yet.
 */
export function useShownMark(name: string | undefined): void {
  useEffect(() => {
    if (!name) return;
    if (performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [name]);
}
