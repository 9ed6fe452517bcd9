/**
 * The overlay frame on profile pages: an extension page (`overlay.html`) in an iframe, so notes
 * and ratings are rendered where the marketplace page can't read them (DESIGN.md rule 2).
 *
 * Contract with the overlay page:
 * - src is `overlay.html#key=<encodeURIComponent(key)>`; another profile only changes the hash;
 * - the frame posts `{ type: 'vetted:overlay-layout', open }` to its parent (accepted only from
 *   the frame's own window) and the frame is resized;
 * - the keyboard shortcut arrives as `{ type: 'vetted:overlay-command', command: 'toggle' }`.
 * No data travels by postMessage: the page can see those messages.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { choosePlacement, type Box, type Placement, type Size } from './placement';

export const OVERLAY_PAGE = '/overlay.html';
export const LAYOUT_MESSAGE = 'vetted:overlay-layout';
export const COMMAND_MESSAGE = 'vetted:overlay-command';

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

export function overlaySrc(base: string, key: string): string {
  return `${base}#key=${encodeURIComponent(key)}`;
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

export function createOverlayFrame(ctx: ContentScriptContext, hireSelectors: () => readonly string[]): OverlayFrame {
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

  const size = (): Size => (open ? openSize(window.innerHeight) : COLLAPSED);

  const applyStyle = (iframe: HTMLIFrameElement, frame: Size, at: Placement) => {
    const s = iframe.style;
    s.width = `${frame.width}px`;
    s.height = `${frame.height}px`;
    s.top = `${at.top}px`;
    s.left = at.edge === 'left' ? '0px' : 'auto';
    s.right = at.edge === 'right' ? '0px' : 'auto';
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
    wrapper.style.cssText = 'all: initial; display: block; position: static; width: 0; height: 0;';
    iframe.title = 'Vetted';
    iframe.dataset.testid = 'vetted-overlay-frame';
    iframe.setAttribute('allowtransparency', 'true');
    iframe.style.cssText = [
      'all: initial',
      'position: fixed',
      'z-index: 2147483646',
      'display: block',
      'border: 0',
      'margin: 0',
      'padding: 0',
      'background: transparent',
      'color-scheme: normal',
      'max-height: 100vh',
      'visibility: visible',
    ].join('; ');
  };

  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    const iframe = iframeEl;
    if (!iframe || event.source !== iframe.contentWindow || !isLayoutMessage(event.data)) return;
    open = event.data.open;
    layout();
  });
  ctx.addEventListener(window, 'resize', scheduleLayout);
  // Hire buttons move under a fixed frame as the page scrolls (sticky headers, long profiles).
  ctx.addEventListener(window, 'scroll', scheduleLayout, { capture: true, passive: true });

  const unmount = () => {
    cancelMeasure?.();
    cancelMeasure = null;
    holder?.remove();
    holder = null;
    iframeEl = null;
  };
  ctx.onInvalidated(unmount);

  return {
    show(next) {
      if (iframeEl && key === next && iframeEl.isConnected) return;
      key = next;
      const src = overlaySrc(base, next);
      if (iframeEl && iframeEl.isConnected) {
        // Same document, new hash: the frame follows without reloading.
        iframeEl.src = src;
        return;
      }
      // Thrown out by the page (see below): drop the old holder before a new frame is made.
      unmount();
      open = false;
      placement = undefined;
      const wrapper = document.createElement('div');
      const iframe = document.createElement('iframe');
      styleFrame(wrapper, iframe);
      iframe.src = src;
      wrapper.append(iframe);
      holder = wrapper;
      iframeEl = iframe;
      // Sized and placed before it is attached, so the page lays it out once.
      layout();
      // On <html>, after <body>: frameworks that re-render the whole body (innerHTML, a new
      // <body>, replaceChildren) would otherwise remove the frame with the page's old content.
      document.documentElement.append(wrapper);
    },
    remove() {
      unmount();
      key = null;
      open = false;
    },
    toggle() {
      const win = iframeEl?.contentWindow;
      if (!win) return;
      win.postMessage({ type: COMMAND_MESSAGE, command: 'toggle' }, extensionOrigin);
      iframeEl?.focus();
    },
    get key() {
      return key;
    },
    get iframe() {
      return iframeEl;
    },
  };
}
