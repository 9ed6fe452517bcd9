/**
 * One visit of a marketplace page: a page load, or one client-side navigation. The visit decides
 * what the overlay frame shows, which cards wear badges and what is reported, for its own URL only;
 * its `signal` is aborted when the next visit starts (or the site is switched off, or the
 * extension is reloaded under the page), and then nothing it scheduled runs. The refined-github
 * pattern (../shared/STYLE.md): no flags shared between navigations, one controller per visit.
 */
import type { PageReading } from '../sites/reader';

/** How long a client-side navigation gets to render the new page before it is read in full. */
export const SETTLE_MS = 600;
/** At most one full re-read of the page per this many ms while the DOM keeps changing. */
export const RESCAN_MS = 400;
/**
 * …and never more often than this many times its own cost apart: a page that is slow to read
 * (10,000 cards, a new one every 50 ms: issue 12, attack 13) gets at most 1/(1+READ_SPACING) of
 * its main thread taken by Vetted's reads, however fast it changes.
 */
export const READ_SPACING = 8;

/** What a visit drives: the page-wide parts it shares with the visits before and after it. */
export interface VisitParts {
  /** The page's URL now (the address bar, which may already be ahead of the DOM). */
  location(): string;
  readPage(url: URL): PageReading | null;
  /** Only the cards inside `added` (nodes the page added since it was read). */
  readAdded(url: URL, added: readonly Element[]): PageReading['cards'];
  keyFromUrl(url: URL): string | null;
  overlay: { show(key: string): void; remove(): void };
  badges: {
    update(cards: PageReading['cards']): void;
    /** Cards from added nodes; false when only a full reading can place them (a recycled card). */
    add(cards: PageReading['cards']): boolean;
    clear(): void;
  };
  /** Tells the background what the page shows (once per contractor per visit). */
  report(reading: PageReading): void;
  /** The URL moved on before the page said so: a new visit begins, read at once. */
  moved(url: URL): void;
  /** The page is no longer one the reader understands. */
  lost(): void;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
}

export type VisitStart =
  /** The URL changed; the site has not rendered the new page yet. */
  | { kind: 'navigated' }
  /** The page is already there: read it now. */
  | { kind: 'read' }
  /** The page as first read at load, already reported; `current`: nothing relevant changed since. */
  | { kind: 'loaded'; reading: PageReading; current: boolean };

export interface Visit {
  readonly href: string;
  /**
   * The DOM changed in a way that may bring a card or a profile. `added`: the elements the page
   * added (outermost only), when that is all that changed; none given: read the whole page again.
   */
  pageChanged(added?: readonly Element[]): void;
  /** The page threw the overlay frame out: put it back, for the contractor it showed. */
  frameLost(): void;
}

export function startVisit(parts: VisitParts, href: string, signal: AbortSignal, start: VisitStart): Visit {
  let reportedKey: string | null | undefined;
  let awaitingRender = false;
  let rescanTimer: number | null = null;
  let settleTimer: number | null = null;
  let lastRead = -Infinity;
  /** When the last full read ended, and how long it took. */
  let lastEnd = -Infinity;
  let lastCost = 0;
  /**
   * The page as read in full is what this visit is about (a listing, or a profile whose contractor
   * was found): from then on only the nodes the page adds are read, so a page of 10,000 cards is
   * not walked again for each new one (issue 12, attack 13). Until then every change is a full read.
   */
  let whole = false;
  /** The contractor the frame shows (null: no frame). */
  let shownKey: string | null = null;
  /** Whether `reading` of `url` is the whole of what the visit is about (see `whole`). */
  const isWhole = (url: URL, reading: PageReading) => parts.keyFromUrl(url) === null || reading.profile !== null;
  /** The earliest time the next throttled read may run. */
  const nextReadAt = () => Math.max(lastRead + RESCAN_MS, lastEnd + lastCost * READ_SPACING);

  signal.addEventListener('abort', () => {
    if (rescanTimer !== null) parts.clearTimeout(rescanTimer);
    if (settleTimer !== null) parts.clearTimeout(settleTimer);
  });

  const follow = (key: string | null) => {
    shownKey = key;
    if (key) parts.overlay.show(key);
    else parts.overlay.remove();
  };

  /** Full read of the page as it is now. */
  const read = () => {
    if (signal.aborted) return;
    const url = new URL(parts.location());
    // A URL change seen here first (e.g. Firefox, where WXT polls the URL once a second): the next
    // visit reads the page at once, and the location event that follows finds it already there.
    if (url.href !== href) return parts.moved(url);
    const began = parts.now();
    const reading = parts.readPage(url);
    lastEnd = parts.now();
    lastCost = lastEnd - began;
    if (!reading) return parts.lost();
    whole = isWhole(url, reading);
    follow(reading.profile?.key ?? parts.keyFromUrl(url));
    parts.badges.update(reading.cards);
    const key = reading.profile?.key ?? null;
    if (key === reportedKey) return;
    reportedKey = key;
    parts.report(reading);
  };

  const readThrottled = () => {
    if (rescanTimer !== null) return;
    // Trailing edge: a page that keeps changing is read at most once per RESCAN_MS (and READ_SPACING) (the first
    // change after a quiet spell is read in the mutation callback).
    const wait = Math.max(16, nextReadAt() - parts.now());
    rescanTimer = parts.setTimeout(() => {
      rescanTimer = null;
      lastRead = parts.now();
      read();
    }, wait);
  };

  /** Reads what the page added; false when the page must be read in full instead. */
  const readAdded = (added: readonly Element[]): boolean => {
    const url = new URL(parts.location());
    if (url.href !== href) {
      parts.moved(url);
      return true;
    }
    const within = added.filter((el) => el.isConnected);
    return within.length === 0 || parts.badges.add(parts.readAdded(url, within));
  };

  const pageChanged = (added?: readonly Element[]) => {
    if (signal.aborted) return;
    // Nothing waits for a throttle here: the cost is that of what was added, not of the page.
    if (whole && added && !awaitingRender && readAdded(added)) return;
    if (awaitingRender) {
      // The new page's first render after a URL change: read it now, before the browser lays the
      // new page out and before any throttle, so a first-time contractor is stored (and shown) soonest.
      awaitingRender = false;
      lastRead = parts.now();
      return read();
    }
    if (rescanTimer === null && parts.now() >= nextReadAt()) {
      // Leading edge after a quiet spell (cards appended by infinite scroll): read now, in the
      // mutation callback, so the badge request is answered while the browser lays the new cards
      // out rather than after; a page that keeps changing is still read at most once per RESCAN_MS (and READ_SPACING).
      lastRead = parts.now();
      return read();
    }
    readThrottled();
  };

  if (start.kind === 'navigated') {
    // The overlay follows the URL at once; the page is read (and reported) on its next render, or
    // once it has had time to render.
    follow(parts.keyFromUrl(new URL(href)));
    parts.badges.clear();
    awaitingRender = true;
    settleTimer = parts.setTimeout(() => {
      settleTimer = null;
      read();
    }, SETTLE_MS);
  } else if (start.kind === 'loaded') {
    const { reading } = start;
    reportedKey = reading.profile?.key ?? null;
    const key = reading.profile?.key ?? parts.keyFromUrl(new URL(href));
    shownKey = key;
    if (key) parts.overlay.show(key);
    // The first reading still describes the page: reading it again would only cost the page
    // another few tens of ms at load.
    if (start.current) {
      whole = isWhole(new URL(href), reading);
      parts.badges.update(reading.cards);
    } else read();
  } else {
    read();
  }

  const frameLost = () => {
    if (signal.aborted) return;
    if (shownKey) parts.overlay.show(shownKey);
  };

  return { href, pageChanged, frameLost };
}
