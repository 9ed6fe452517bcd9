/**
 * The overlay frame on profile pages: an extension page (`overlay.html`) in an iframe, so notes
 * and ratings are rendered where the marketplace page can't read them (DESIGN.md rule 2).
 *
 * Contract with the overlay page (issue 12: nothing the page can forge or redirect):
 * - src is plain `overlay.html`: the frame learns nothing from its URL;
 * - on every load of the frame, a fresh nonce is bound to this tab with the contractor shown
 *   (`bindOverlay`), then posted into the frame's window addressed to the extension's origin (the
 *   page can't read it); the frame claims it (`claimOverlay`) and the background answers with the
 *   contractor and from then on tells that frame alone (runtime messaging) about a new contractor
 *   and the keyboard shortcut;
 * - the frame's size comes back the same way (`overlayLayout` → the background → this script);
 * - the frame's src, attributes and style are put back if the page changes them.
 * No data travels by postMessage, and nothing the page posts is obeyed.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RequestPayload, RequestType, Responses } from '../messaging/protocol';
import { choosePlacement, type Box, type Placement, type Size } from './placement';
import { frameExposure } from './frame-exposure';
import { createFocusKeeper } from './focus-keeper';

export const OVERLAY_PAGE = '/overlay.html';
/** From the background (runtime messaging) once the bound frame says which size it wants. */
export const LAYOUT_MESSAGE = 'vetted:overlay-layout';
/** From the background: the bound frame asks whether the page shows it whole (issue 12, attack 4). */
export const EXPOSURE_MESSAGE = 'vetted:overlay-exposure';
/** From the background: the bound frame says the user is (or stopped) typing a note (issue 12, attack 6). */
export const TYPING_MESSAGE = 'vetted:overlay-typing';
/** Posted into the frame's own window, to the extension's origin only: the binding nonce. */
export const BIND_MESSAGE = 'vetted:overlay-bind';

/** Requests that may fail because the extension was reloaded under the page: null then. */
export type QuietRequest = <T extends RequestType>(type: T, payload: RequestPayload<T>) => Promise<Responses[T] | null>;

/** A random token of 32 url-safe characters. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** What the iframe may carry: anything else the page adds (inert, hidden, sandbox…) is removed. */
const OWN_ATTRIBUTES = new Set(['src', 'title', 'data-testid', 'data-key', 'allowtransparency', 'style']);

export const COLLAPSED: Size = { width: 56, height: 180 };
export function openSize(viewportHeight: number): Size {
  return { width: 380, height: Math.round(Math.min(640, viewportHeight * 0.85)) };
}

export interface OverlayFrame {
  /** Shows the frame for `key` (mounts it, or changes only the hash when already shown). */
  show(key: string): void;
  remove(): void;
  /** Forwards the keyboard shortcut to the frame. */
  toggle(): void;
  readonly key: string | null;
  readonly iframe: HTMLIFrameElement | null;
}

export function isLayoutMessage(data: unknown): data is { type: typeof LAYOUT_MESSAGE; open: boolean } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === LAYOUT_MESSAGE &&
    typeof (data as { open?: unknown }).open === 'boolean'
  );
}

/**
 * Visible rectangles of the site's hire / contact buttons (viewport coordinates) and the viewport
 * without its scrollbars, read from an
 * IntersectionObserver's first report: the browser computes those during its own next layout, so
 * nothing here forces a synchronous layout of a big page (tens of ms on a profile at load).
 */
export function measureAvoidLater(doc: Document, selectors: readonly string[], done: (avoid: Box[], viewport: Size) => void): () => void {
  const win = doc.defaultView ?? window;
  let targets: Element[] = [];
  if (selectors.length > 0) {
    try {
      targets = [...doc.querySelectorAll(selectors.join(','))];
    } catch {
      targets = [];
    }
  }
  const root = doc.documentElement;
  const observer = new IntersectionObserver((entries) => {
    observer.disconnect();
    const boxes: Box[] = [];
    let viewport: Size | null = null;
    for (const e of entries) {
      if (e.rootBounds) viewport = { width: e.rootBounds.width, height: e.rootBounds.height };
      if (e.target === root && !targets.includes(root)) continue;
      const r = e.boundingClientRect;
      if (r.width > 0 && r.height > 0) boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    }
    done(boxes, viewport ?? { width: win.innerWidth, height: win.innerHeight });
  });
  // The root element is always observed, so the report comes even when no button matches.
  observer.observe(root);
  for (const t of targets) observer.observe(t);
  return () => observer.disconnect();
}

export function createOverlayFrame(ctx: ContentScriptContext, hireSelectors: () => readonly string[], request: QuietRequest): OverlayFrame {
  const base = browser.runtime.getURL(OVERLAY_PAGE);
  // Where commands may be posted: the extension's own origin, never '*'.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  let holder: HTMLDivElement | null = null;
  let iframeEl: HTMLIFrameElement | null = null;
  let key: string | null = null;
  let cancelMeasure: (() => void) | null = null;
  let open = false;
  let placement: Placement | undefined;
  let pendingFrame = 0;
  /** The nonce bound for the frame's current document. */
  let nonce: string | null = null;
  /** The frame's inline style as last written here: anything else was the page. */
  let ownStyle = '';
  let holderStyle = '';
  let guard: MutationObserver | null = null;

  const size = (): Size => (open ? openSize(window.innerHeight) : COLLAPSED);

  let lastSize: Size | null = null;
  let lastAt: Placement | null = null;
  const applyStyle = (iframe: HTMLIFrameElement, frame: Size, at: Placement) => {
    lastSize = frame;
    lastAt = at;
    const s = iframe.style;
    s.setProperty('width', `${frame.width}px`, 'important');
    s.setProperty('height', `${at.height ?? frame.height}px`, 'important');
    s.setProperty('top', `${at.top}px`, 'important');
    s.setProperty('left', at.edge === 'left' ? '0px' : 'auto', 'important');
    s.setProperty('right', at.edge === 'right' ? '0px' : 'auto', 'important');
    ownStyle = s.cssText;
  };

  /**
   * Sizes the frame at once (where it is, or at the first choice when nothing is known yet), then
   * moves it off the hire buttons once the browser has laid the page out anyway (next frame).
   */
  const layout = () => {
    const iframe = iframeEl;
    if (!iframe) return;
    const frame = size();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const now = choosePlacement(frame, viewport, [], placement);
    applyStyle(iframe, frame, now);
    placement = now;
    if (cancelMeasure) return;
    cancelMeasure = measureAvoidLater(document, hireSelectors(), (avoid, measuredViewport) => {
      cancelMeasure = null;
      if (iframe !== iframeEl || ctx.isInvalid) return;
      const current = size();
      placement = choosePlacement(current, measuredViewport, avoid, placement);
      applyStyle(iframe, current, placement);
    });
  };

  const scheduleLayout = () => {
    if (!iframeEl || pendingFrame) return;
    pendingFrame = ctx.requestAnimationFrame(() => {
      pendingFrame = 0;
      layout();
    });
  };

  const styleFrame = (wrapper: HTMLElement, iframe: HTMLIFrameElement) => {
    // Inline styles so page rules can't restyle the frame or its holder.
    wrapper.style.cssText = HOLDER_STYLE;
    holderStyle = wrapper.style.cssText;
    iframe.title = 'Vetted';
    iframe.dataset.testid = 'vetted-overlay-frame';
    iframe.setAttribute('allowtransparency', 'true');
    // !important throughout: the page's own !important rules can't hide, fade or move it.
    iframe.style.cssText = FRAME_STYLE;
    if (lastSize && lastAt) applyStyle(iframe, lastSize, lastAt);
    ownStyle = iframe.style.cssText;
  };

  /** A fresh nonce for the frame's new document, bound first, then handed to that document alone. */
  const bindFrame = async (iframe: HTMLIFrameElement) => {
    const mine = makeNonce();
    nonce = mine;
    const reply = await request('bindOverlay', { nonce: mine, key });
    if (!reply || nonce !== mine || iframe !== iframeEl) return;
    iframe.contentWindow?.postMessage({ type: BIND_MESSAGE, nonce: mine }, extensionOrigin);
  };

  /** Puts back what the page changed on the frame: src (remount), attributes, style. */
  const watch = (wrapper: HTMLElement, iframe: HTMLIFrameElement) => {
    guard?.disconnect();
    let restores = 0;
    let windowStart = 0;
    guard = new MutationObserver(() => {
      if (iframe !== iframeEl) return;
      // A page that fights back on every change would make this a busy loop: at most 30 restores
      // a second (the rest wait for the page's next change after that).
      const now = performance.now();
      if (now - windowStart > 1_000) {
        windowStart = now;
        restores = 0;
      }
      if (++restores > 30) return;
      if (iframe.getAttribute('src') !== base) {
        // Re-pointed: that document is not ours to trust; a new frame replaces it.
        const k = key;
        unmount();
        if (k) mount(k);
        return;
      }
      for (const name of iframe.getAttributeNames()) if (!OWN_ATTRIBUTES.has(name)) iframe.removeAttribute(name);
      for (const name of wrapper.getAttributeNames()) if (name !== 'style') wrapper.removeAttribute(name);
      // Compared with what the browser made of our own text (it normalises it), or this would loop.
      if (wrapper.style.cssText !== holderStyle) wrapper.style.cssText = HOLDER_STYLE;
      if (iframe.style.cssText !== ownStyle) styleFrame(wrapper, iframe);
    });
    guard.observe(iframe, { attributes: true });
    guard.observe(wrapper, { attributes: true });
  };

  // The bound frame's size, relayed by the background: the page can't post this one.
  const onRuntimeMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === TYPING_MESSAGE) {
      keeper.typing((message as { typing?: unknown }).typing === true);
      return undefined;
    }
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === EXPOSURE_MESSAGE) {
      sendResponse(iframeEl && holder ? frameExposure(iframeEl, holder) : { exposed: false, reason: 'the panel is not on the page' });
      return true;
    }
    if (!iframeEl || !isLayoutMessage(message)) return undefined;
    open = message.open;
    layout();
    return undefined;
  };
  const keeper = createFocusKeeper(() => iframeEl);
  ctx.onInvalidated(() => keeper.dispose());
  browser.runtime.onMessage.addListener(onRuntimeMessage);
  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onRuntimeMessage);
    } catch {
      /* extension context invalidated */
    }
  });
  ctx.addEventListener(window, 'resize', scheduleLayout);
  // Hire buttons move under a fixed frame as the page scrolls (sticky headers, long profiles).
  ctx.addEventListener(window, 'scroll', scheduleLayout, { capture: true, passive: true });

  const unmount = () => {
    guard?.disconnect();
    guard = null;
    nonce = null;
    cancelMeasure?.();
    cancelMeasure = null;
    holder?.remove();
    holder = null;
    iframeEl = null;
  };
  ctx.onInvalidated(unmount);

  function mount(next: string) {
    key = next;
    // Thrown out by the page (see below): drop the old holder before a new frame is made.
    unmount();
    open = false;
    placement = undefined;
    lastSize = null;
    lastAt = null;
    const wrapper = document.createElement('div');
    const iframe = document.createElement('iframe');
    styleFrame(wrapper, iframe);
    iframe.src = base;
    // The key the page itself shows (as on the badges, test contract); the frame never reads it.
    iframe.dataset.key = next;
    // Every document loaded in the frame gets its own nonce (a reload, or one the page forced).
    iframe.addEventListener('load', (event) => event.isTrusted && void bindFrame(iframe));
    wrapper.append(iframe);
    holder = wrapper;
    iframeEl = iframe;
    // Sized and placed before it is attached, so the page lays it out once.
    layout();
    // On <html>, after <body>: frameworks that re-render the whole body (innerHTML, a new
    // <body>, replaceChildren) would otherwise remove the frame with the page's old content.
    document.documentElement.append(wrapper);
    watch(wrapper, iframe);
  }

  return {
    show(next) {
      if (iframeEl && key === next && iframeEl.isConnected) return;
      if (iframeEl && iframeEl.isConnected) {
        // Same frame, another contractor: the background tells the bound frame.
        key = next;
        iframeEl.dataset.key = next;
        const held = nonce;
        const frame = iframeEl;
        // Then the frame is offered its nonce again, which makes it ask the background: Firefox
        // does not deliver the background's runtime messages to an extension frame in a web page.
        if (held) {
          void request('bindOverlay', { nonce: held, key: next }).then((reply) => {
            if (reply && nonce === held && frame === iframeEl)
              frame.contentWindow?.postMessage({ type: BIND_MESSAGE, nonce: held }, extensionOrigin);
          });
        }
        return;
      }
      mount(next);
    },
    remove() {
      unmount();
      key = null;
      open = false;
    },
    toggle() {
      if (!iframeEl) return;
      iframeEl.focus();
      void request('toggleOverlay', {});
    },
    get key() {
      return key;
    },
    get iframe() {
      return iframeEl;
    },
  };
}

const HOLDER_STYLE =
  'all: initial !important; display: block !important; position: static !important; width: 0 !important; height: 0 !important;';
const FRAME_STYLE = [
  'all: initial',
  'position: fixed',
  // The highest: only what comes after the holder in <html>, or the top layer, can be over it (frame-exposure.ts).
  'z-index: 2147483647',
  'display: block',
  'border: 0',
  'margin: 0',
  'padding: 0',
  'background: transparent',
  'color-scheme: normal',
  'max-height: 100vh',
  'visibility: visible',
  'opacity: 1',
  'transform: none',
  'filter: none',
  'clip-path: none',
  'mask: none',
  'pointer-events: auto',
]
  .map((rule) => `${rule} !important`)
  .join('; ');
