/**
 * What the content script does on a marketplace tab: read the page, tell the background what it
 * saw, place the overlay frame on profile pages and badges on listing cards, and keep all of it
 * right as the page changes (client-side navigation, infinite scroll, changes made elsewhere,
 * the per-site switch) until the extension is reloaded under the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isChangeEvent, send } from '../messaging/client';
import type { RequestPayload, RequestType, Responses } from '../messaging/protocol';
import type { PageReading, SiteReader } from '../sites/reader';
import { BADGE_TAG } from './badge';
import { createBadgeController } from './badges';
import { endOfTask } from './card-batcher';
import { createOverlayFrame } from './overlay-frame';

export const TOGGLE_MESSAGE = 'vetted:toggle-overlay';

/** How long a client-side navigation gets to render the new page before it is read in full. */
const SETTLE_MS = 600;
/** At most one full re-read of the page per this many ms while the DOM keeps changing. */
const RESCAN_MS = 400;
const HEARTBEAT_MS = 2_000;

export async function runMarketplacePage(
  ctx: ContentScriptContext,
  // The site's own reader (entrypoints/<site>.content.ts), not lib/sites: that would bundle every adapter.
  { readPage, keyFromUrl, hireButtonSelectors }: SiteReader,
  win: Window = window,
): Promise<void> {
  const doc = win.document;

  /** Requests that may fail because the extension was reloaded under the page: null then. */
  const quiet = async <T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T] | null> => {
    if (ctx.isInvalid) return null;
    try {
      return await send(type, payload);
    } catch {
      return null;
    }
  };

  // The per-site switch gates everything shown, so it is the first thing on the overlay's critical
  // path: ask before reading the page (which takes tens of ms on a big profile), not after.
  const firstSwitches = quiet('getSiteSwitches', {});
  const first = readPage(new URL(win.location.href), doc);
  if (!first) return;
  const site = first.site;

  const siteEnabled = async (asked = quiet('getSiteSwitches', {})): Promise<boolean> => {
    if (site === 'generic') return true;
    const switches = await asked;
    return switches?.[site] !== false;
  };

  const overlay = createOverlayFrame(ctx, () => hireButtonSelectors(new URL(win.location.href)), quiet);
  // A trusted click on a card's mark shortlists (or un-shortlists) that contractor; the change
  // broadcast then redraws the mark.
  const badges = createBadgeController(
    doc,
    (keys) => quiet('getBadges', { keys }),
    endOfTask,
    (profile, status) => {
      void quiet('shortlistFromCard', { profile, status });
    },
  );
  let enabled = false;
  let reportedKey: string | null | undefined;
  let rescanTimer: number | null = null;
  let lastRescan = -Infinity;
  /** The URL the overlay and badges follow (set before the page has rendered it). */
  let currentHref = win.location.href;
  /** The URL changed and the page has not rendered since. */
  let awaitingRender = false;
  /** The page changed in a way that may matter since it was first read (before `start` ran). */
  let changedSinceFirstRead = false;

  const stop = () => {
    enabled = false;
    overlay.remove();
    badges.clear();
  };

  const report = async (reading: PageReading) => {
    const key = reading.profile?.key ?? null;
    if (key === reportedKey) return;
    reportedKey = key;
    const reply = await quiet('reportPage', { site: reading.site, profile: reading.profile });
    if (reply && !reply.enabled) stop();
  };

  /** Full read of the page as it is now. `settled`: the DOM belongs to the current URL. */
  const apply = (settled: boolean) => {
    if (!enabled || ctx.isInvalid) return;
    const url = new URL(win.location.href);
    // A URL change seen here first (e.g. Firefox, where WXT polls the URL once a second) needs no
    // second handling when the location event arrives: this read already follows the new page.
    currentHref = url.href;
    const reading = readPage(url, doc);
    if (!reading) return stop();
    const key = reading.profile?.key ?? keyFromUrl(url)?.key ?? null;
    if (key) overlay.show(key);
    else overlay.remove();
    badges.update(reading.cards);
    if (settled) void report(reading);
  };

  const scheduleRescan = () => {
    if (rescanTimer !== null || !enabled) return;
    // Trailing edge: a page that keeps changing is read at most once per RESCAN_MS (the first
    // change after a quiet spell is read in the mutation callback).
    const wait = Math.max(16, lastRescan + RESCAN_MS - performance.now());
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = null;
      lastRescan = performance.now();
      apply(true);
    }, wait);
  };

  /**
   * `reading`: the page as first read. It is reported at once, alongside the switch question (the
   * background stores nothing for a disabled site and says so), and its contractor's frame is
   * mounted as soon as the switch allows, before the page is read again.
   */
  const start = async (reading?: PageReading, asked?: Promise<Responses['getSiteSwitches'] | null>) => {
    reportedKey = undefined;
    const allowed = siteEnabled(asked);
    if (reading) void report(reading);
    if (!(await allowed) || ctx.isInvalid) return;
    enabled = true;
    const fresh = reading && win.location.href === currentHref;
    const key = fresh ? (reading.profile?.key ?? keyFromUrl(new URL(currentHref))?.key) : null;
    if (key) overlay.show(key);
    // The first reading still describes the page: reading it again would only cost the page
    // another few tens of ms at load.
    if (fresh && !changedSinceFirstRead) badges.update(reading.cards);
    else apply(true);
  };

  // Client-side navigation: the URL changes before (or, for some sites, in the same task as) the
  // site renders the new page. The overlay follows the URL at once; the page is read (and
  // reported) on its next render, or once it has had time to render.
  const onUrlChange = (url: URL) => {
    if (!enabled || url.href === currentHref) return;
    currentHref = url.href;
    const next = keyFromUrl(url)?.key ?? null;
    if (next) overlay.show(next);
    else overlay.remove();
    badges.clear();
    reportedKey = undefined;
    awaitingRender = true;
    ctx.setTimeout(() => apply(true), SETTLE_MS);
  };
  ctx.addEventListener(win, 'wxt:locationchange', (event) => onUrlChange(event.newUrl));
  // Back / forward at once where WXT polls the URL (browsers without the Navigation API).
  ctx.addEventListener(win, 'popstate', () => onUrlChange(new URL(win.location.href)));

  const observer = new MutationObserver((records) => {
    // A page that re-renders what it thinks it owns may throw the frame out with its old content
    // (removals only look irrelevant): read the page again so the frame is put back.
    const frameLost = overlay.iframe !== null && !overlay.iframe.isConnected;
    if (!frameLost && records.every(isIrrelevantMutation)) return;
    changedSinceFirstRead = true;
    if (awaitingRender) {
      // The new page's first render after a URL change: read it now, before the browser lays the
      // new page out and before any throttle, so a first-time contractor is stored (and shown) soonest.
      awaitingRender = false;
      lastRescan = performance.now();
      apply(true);
      return;
    }
    if (rescanTimer === null && performance.now() - lastRescan >= RESCAN_MS) {
      // Leading edge after a quiet spell (cards appended by infinite scroll): read now, in the
      // mutation callback, so the badge request is answered while the browser lays the new cards
      // out rather than after; a page that keeps changing is still read at most once per RESCAN_MS.
      lastRescan = performance.now();
      apply(true);
      return;
    }
    scheduleRescan();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  const onMessage = (message: unknown) => {
    if (isChangeEvent(message)) {
      if (message.tables.includes('settings')) {
        void siteEnabled().then((on) => {
          if (on && !enabled) void start();
          else if (!on && enabled) stop();
        });
      }
      if (enabled && message.tables.some((t) => t !== 'settings')) void badges.refresh(message.contractorKeys);
      return;
    }
    if (isToggleMessage(message) && enabled) overlay.toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Chrome leaves an old content script running after the extension is reloaded or updated, and
  // nothing tells it: ctx's timers check `runtime.id` on every tick, so this heartbeat notices
  // within seconds and the cleanup below removes the (now broken) frame and badges.
  ctx.setInterval(() => undefined, HEARTBEAT_MS);

  ctx.onInvalidated(() => {
    observer.disconnect();
    // The runtime may already be gone: removing the listener then throws, and nothing is left to clean.
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      /* extension context invalidated */
    }
    badges.dispose();
    overlay.remove();
  });

  await start(first, firstSwitches);
}

function isToggleMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === TOGGLE_MESSAGE;
}

/**
 * Mutations that can't bring a new card or profile: Vetted's own (badge hosts, the frame), text
 * updates, removals (pruned on the next read anyway). Skipping them keeps a page that animates
 * all the time (carousels, timers) from being re-read over and over.
 */
function isIrrelevantMutation(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (el.localName === BADGE_TAG || IGNORED_TAGS.has(el.localName)) continue;
    if (el.children.length === 1 && el.firstElementChild?.matches('iframe[data-testid="vetted-overlay-frame"]')) continue;
    return false;
  }
  return true;
}

const IGNORED_TAGS = new Set(['script', 'style', 'link', 'meta', 'noscript', 'br']);
