/**
 * Collects listing cards as they appear (first paint, infinite scroll, client-side rendering)
 * and hands them over in batches: one flush per scheduled tick, each card once, so the
 * background gets one `getBadges` request per batch instead of one per card.
 */

/** Runs `run` later (next frame / idle); returns a function that cancels it. */
export type Scheduler = (run: () => void) => () => void;

export interface CardBatcher<T> {
  /** Queues items not seen before; schedules a flush when something new arrived. */
  add(items: Iterable<T>): void;
  /** Flushes now (used on navigation so the new page doesn't wait a tick). */
  flush(): void;
  /** Forgets which items were seen, so they may be added again (after navigation or a refresh). */
  forget(item?: T): void;
  /** Drops queued items, cancels a pending flush and forgets everything seen; stays usable. */
  reset(): void;
  /** Like reset, and ignores every later `add`. */
  dispose(): void;
  readonly pending: number;
}

export interface CardBatcherOptions<T> {
  schedule: Scheduler;
  onBatch: (items: T[]) => void;
  /** Largest batch handed to `onBatch`; more items are split into several batches. */
  maxBatch?: number;
}

export function createCardBatcher<T extends object>(options: CardBatcherOptions<T>): CardBatcher<T> {
  const max = options.maxBatch ?? 500;
  let seen = new WeakSet<T>();
  let queue: T[] = [];
  let cancel: (() => void) | null = null;
  let disposed = false;

  const flush = () => {
    cancel?.();
    cancel = null;
    if (disposed || queue.length === 0) return;
    const items = queue;
    queue = [];
    for (let i = 0; i < items.length; i += max) options.onBatch(items.slice(i, i + max));
  };

  return {
    add(items) {
      if (disposed) return;
      for (const item of items) {
        if (seen.has(item)) continue;
        seen.add(item);
        queue.push(item);
      }
      if (queue.length > 0 && !cancel) cancel = options.schedule(flush);
    },
    flush,
    forget(item) {
      if (item) seen.delete(item);
      else seen = new WeakSet<T>();
    },
    reset() {
      cancel?.();
      cancel = null;
      queue = [];
      seen = new WeakSet<T>();
    },
    dispose() {
      disposed = true;
      cancel?.();
      cancel = null;
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };
}

/**
 * At the end of the current task, after the code that reported the cards has returned: every
 * card of one read of the page goes in one batch (one request), and the request leaves before the
 * browser lays the new cards out, so the background answers while the page renders instead of
 * after it (npm run bench: most of the time to badge 100 appended cards was spent waiting for a
 * frame and idle time on a page busy laying out those very cards, then for the reply).
 */
export const endOfTask: Scheduler = (run) => {
  let live = true;
  queueMicrotask(() => {
    if (live) run();
  });
  return () => {
    live = false;
  };
};

/**
 * Next animation frame, then idle time when the browser offers it (so a burst of DOM changes
 * from an infinite-scroll page settles first), with a timeout so it always runs. The timeout is
 * short: a busy page (or a headless one) may offer no idle time for hundreds of ms, and badges
 * should show within a few frames of their cards (npm run bench measures it).
 */
export function frameThenIdle(win: Window, timeoutMs = 30): Scheduler {
  return (run) => {
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = win.requestAnimationFrame(() => {
      if (typeof win.requestIdleCallback === 'function') idle = win.requestIdleCallback(run, { timeout: timeoutMs });
      else timer = setTimeout(run, 0);
    });
    return () => {
      win.cancelAnimationFrame(frame);
      if (idle !== undefined) win.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  };
}
