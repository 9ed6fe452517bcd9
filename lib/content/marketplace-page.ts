/**
 * What the content script does on a marketplace tab: read the page, tell the background what it
 * saw, place the overlay frame on profile pages and badges on listing cards, and keep all of it
 * right as the page changes (client-side navigation, infinite scroll, changes made elsewhere,
 * the per-site switch) until the extension is reloaded under the page.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isChangeEvent, send } from '../messaging/client';
import { isToggleOverlayMessage } from '../messaging/events';
import type { RequestPayload, RequestType, Responses } from '../messaging/protocol';
import type { PageReading, SiteReader } from '../sites/reader';
import { forgetPageState } from '../sites/util/parse-once';
import { BADGE_TAG } from './badge';
import { createBadgeController } from './badges';
import { endOfTask } from './card-batcher';
import { createOverlayFrame } from './overlay-frame';
import { startVisit, type Visit, type VisitParts, type VisitStart } from './page-visit';

const HEARTBEAT_MS = 2_000;

export async function runMarketplacePage(
  ctx: ContentScriptContext,
  // The site's own reader (entrypoints/<site>.content.ts), not lib/sites: that would bundle every adapter.
  { readPage, readCards, keyFromUrl, hireButtonSelectors }: SiteReader,
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
  const firstHref = win.location.href;
  const first = readPage(new URL(firstHref), doc);
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

  /** The visit under way while the site is switched on (null: off, or not yet known). */
  let visit: Visit | null = null;
  let visitEnds: AbortController | null = null;
  /** The page changed in a way that may matter since it was first read (before the first visit began). */
  let changedSinceFirstRead = false;

  const report = async (reading: PageReading) => {
    const reply = await quiet('reportPage', { site: reading.site, profile: reading.profile });
    if (reply && !reply.enabled) stop();
  };

  const parts: VisitParts = {
    location: () => win.location.href,
    readPage: (url) => readPage(url, doc),
    readAdded: (url, added) => readCards(url, doc, added),
    keyFromUrl: (url) => keyFromUrl(url)?.key ?? null,
    overlay,
    badges,
    report: (reading) => void report(reading),
    moved: (url) => begin(url.href, { kind: 'read' }),
    lost: () => stop(),
    setTimeout: (run, ms) => ctx.setTimeout(run, ms),
    clearTimeout: (id) => win.clearTimeout(id),
    now: () => performance.now(),
  };

  /** Ends the visit under way (its timers with it) and starts the next one. */
  const begin = (href: string, how: VisitStart) => {
    if (ctx.isInvalid) return;
    visitEnds?.abort();
    visitEnds = new AbortController();
    // The page's embedded state is parsed once per visit (lib/sites/util/parse-once.ts); the visit
    // of the page load goes on with the parse of the first reading.
    if (how.kind !== 'loaded') forgetPageState();
    visit = startVisit(parts, href, visitEnds.signal, how);
  };

  const stop = () => {
    visitEnds?.abort();
    visitEnds = null;
    visit = null;
    overlay.remove();
    badges.clear();
  };

  /**
   * `reading`: the page as first read. It is reported at once, alongside the switch question (the
   * background stores nothing for a disabled site and says so), and its contractor's frame is
   * mounted as soon as the switch allows, before the page is read again.
   */
  const start = async (reading?: PageReading, asked?: Promise<Responses['getSiteSwitches'] | null>) => {
    const allowed = siteEnabled(asked);
    if (reading) void report(reading);
    if (!(await allowed) || ctx.isInvalid || visit) return;
    const href = win.location.href;
    if (reading && href === firstHref) begin(href, { kind: 'loaded', reading, current: !changedSinceFirstRead });
    else begin(href, { kind: 'read' });
  };

  // Client-side navigation: the URL changes before (or, for some sites, in the same task as) the
  // site renders the new page. A new visit begins at once.
  const onUrlChange = (url: URL) => {
    if (visit && url.href !== visit.href) begin(url.href, { kind: 'navigated' });
  };
  ctx.addEventListener(win, 'wxt:locationchange', (event) => onUrlChange(event.newUrl));
  // Back / forward at once where WXT polls the URL (browsers without the Navigation API).
  ctx.addEventListener(win, 'popstate', () => onUrlChange(new URL(win.location.href)));

  const observer = new MutationObserver((records) => {
    // A page that re-renders what it thinks it owns may throw the frame out with its old content
    // (removals only look irrelevant): it is put back.
    if (overlay.iframe !== null && !overlay.iframe.isConnected) visit?.frameLost();
    const added = addedElements(records);
    if (added.length === 0) return;
    changedSinceFirstRead = true;
    visit?.pageChanged(added);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  const onMessage = (message: unknown) => {
    if (isChangeEvent(message)) {
      if (message.tables.includes('settings')) {
        void siteEnabled().then((on) => {
          if (on && !visit) void start();
          else if (!on && visit) stop();
        });
      }
      if (visit && message.tables.some((t) => t !== 'settings')) void badges.refresh(message.contractorKeys);
      return;
    }
    if (isToggleOverlayMessage(message) && visit) overlay.toggle();
  };
  browser.runtime.onMessage.addListener(onMessage);

  // Chrome leaves an old content script running after the extension is reloaded or updated, and
  // nothing tells it: ctx's timers check `runtime.id` on every tick, so this heartbeat notices
  // within seconds and the cleanup below removes the (now broken) frame and badges.
  ctx.setInterval(() => undefined, HEARTBEAT_MS);

  ctx.onInvalidated(() => {
    observer.disconnect();
    visitEnds?.abort();
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

/**
 * The outermost elements the page added that may bring a card or a profile. Not Vetted's own
 * (badge hosts, the frame), not text updates, not removals (pruned on the next read anyway), not
 * nodes gone again: so a page that animates all the time (carousels, timers) costs a few checks.
 */
export function addedElements(records: readonly MutationRecord[]): Element[] {
  const added = new Set<Element>();
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE || !node.isConnected) continue;
      const el = node as Element;
      if (el.localName === BADGE_TAG || IGNORED_TAGS.has(el.localName)) continue;
      if (el.children.length === 1 && el.firstElementChild?.matches('iframe[data-testid="vetted-overlay-frame"]')) continue;
      added.add(el);
    }
  }
  // Outermost only: an element inside another added one is read with it.
  return [...added].filter((el) => {
    for (let n = el.parentElement; n; n = n.parentElement) if (added.has(n)) return false;
    return true;
  });
}

const IGNORED_TAGS = new Set(['script', 'style', 'link', 'meta', 'noscript', 'br']);
