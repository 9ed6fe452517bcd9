/**
 * issue 12, attack 4 (clickjacking): the overlay acts on a click or a key only once the page has
 * shown it whole for a moment. A page that fades the frame, lays a near-transparent decoy over it
 * (even one that lets the pointer through), transforms or clips it, gets its clicks ignored, and
 * the overlay says so.
 *
 * How it knows:
 * - Chromium: IntersectionObserver v2 (`trackVisibility`), computed by the browser across the page
 *   and the frame: `isVisible` is false while anything covers, fades or transforms the frame.
 * - Firefox (no v2): it asks its content script (`overlayExposure`, through the background), which
 *   checks the frame's and the page's styles, what is painted after the frame, the top layer and
 *   hit testing (lib/content/frame-exposure.ts). Asked every 200 ms (each second in a hidden tab).
 * The collapse / open toggle is left alone: it changes nothing the user keeps.
 */

/** Shown whole for at least this long before a click counts (a page can't flash it in under the cursor). */
export const SETTLE_MS = 300;
const POLL_MS = 200;
const FREE = '[data-testid="overlay-toggle"]';
/** Keys that change nothing: moving focus, closing. */
const HARMLESS_KEYS = new Set(['Tab', 'Shift', 'Escape', 'Control', 'Alt', 'Meta']);

export interface ExposureGuardOptions {
  /** Firefox path: the content script's answer. */
  ask: () => Promise<{ exposed: boolean; reason?: string }>;
  now?: () => number;
  win?: Window;
}

export function supportsTrackVisibility(win: Window = window): boolean {
  const Entry = (win as unknown as { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return !!Entry && 'isVisible' in Entry.prototype;
}

export function installExposureGuard({ ask, now = () => performance.now(), win = window }: ExposureGuardOptions): () => void {
  const doc = win.document;
  /** Since when the frame has been shown whole; null while it is not. */
  let since: number | null = null;
  let reason = 'the page has not shown this panel whole yet';
  let notice: HTMLElement | null = null;
  const cleanups: (() => void)[] = [];

  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** On the frame's own root, for its own tests (the page can't read the frame): covered / shown / settled. */
  const mark = (state: 'covered' | 'shown' | 'settled') => {
    doc.documentElement.dataset.exposure = state;
  };
  const seen = (exposed: boolean, why?: string) => {
    if (exposed) {
      if (since === null) {
        since = now();
        mark('shown');
        const at = since;
        settleTimer = setTimeout(() => {
          if (since === at) mark('settled');
        }, SETTLE_MS);
      }
    } else {
      since = null;
      if (settleTimer) clearTimeout(settleTimer);
      reason = why ?? 'the page covers, fades or moves this panel';
      mark('covered');
    }
  };
  mark('covered');

  const showNotice = () => {
    if (!notice) {
      notice = doc.createElement('div');
      notice.setAttribute('role', 'alert');
      notice.dataset.testid = 'overlay-covered';
      notice.className = 'ov-covered';
      doc.body.append(notice);
    }
    notice.textContent = `Vetted ignored that: ${reason}. Nothing was changed. Try again once the panel shows clearly.`;
  };
  const hideNotice = () => {
    notice?.remove();
    notice = null;
  };

  if (supportsTrackVisibility(win)) {
    const observer = new IntersectionObserver(
      (entries: IntersectionObserverEntry[]) => {
        const last = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        if (last) seen(last.isVisible === true, 'the page covers, fades or transforms this panel');
      },
      { trackVisibility: true, delay: 100, threshold: [0, 1] } as IntersectionObserverInit,
    );
    observer.observe(doc.documentElement);
    cleanups.push(() => observer.disconnect());
  } else {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const poll = async () => {
      timer = null;
      try {
        const r = await ask();
        seen(r.exposed, r.reason);
      } catch {
        seen(false, 'Vetted could not check this page');
      }
      schedule();
    };
    // Asked all along (once a second while the tab is hidden): a click then finds an answer
    // already there, and a frame revealed under the cursor has to settle first.
    const schedule = () => {
      if (!stopped && !timer) timer = setTimeout(() => void poll(), doc.visibilityState === 'visible' ? POLL_MS : 1_000);
    };
    const onVisibility = () => schedule();
    doc.addEventListener('visibilitychange', onVisibility);
    void poll();
    cleanups.push(() => {
      stopped = true;
      doc.removeEventListener('visibilitychange', onVisibility);
      if (timer) clearTimeout(timer);
    });
  }

  const safe = () => since !== null && now() - since >= SETTLE_MS;
  const guard = (e: Event) => {
    if (!e.isTrusted) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(FREE)) return;
    if (e instanceof KeyboardEvent && HARMLESS_KEYS.has(e.key)) return;
    if (safe()) {
      if (e.type === 'pointerdown') hideNotice();
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    showNotice();
  };
  for (const type of ['pointerdown', 'mousedown', 'click', 'dblclick', 'auxclick', 'keydown', 'keypress', 'beforeinput', 'paste', 'drop']) {
    win.addEventListener(type, guard, true);
    cleanups.push(() => win.removeEventListener(type, guard, true));
  }
  return () => {
    if (settleTimer) clearTimeout(settleTimer);
    for (const c of cleanups) c();
    hideNotice();
  };
}
