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
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';
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

/** Visible rectangles of the site's hire / contact buttons, in viewport coordinates. */
export function measureAvoid(doc: Document, selectors: readonly string[]): Box[] {
  if (selectors.length === 0) return [];
  const boxes: Box[] = [];
  let elements: NodeListOf<Element>;
  try {
    elements = doc.querySelectorAll(selectors.join(','));
  } catch {
    return boxes;
  }
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}

export function createOverlayFrame(ctx: ContentScriptContext, hireSelectors: () => readonly string[]): OverlayFrame {
  const base = browser.runtime.getURL(OVERLAY_PAGE);
  // Where commands may be posted: the extension's own origin, never '*'.
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  let ui: IframeContentScriptUi<void> | null = null;
  let key: string | null = null;
  let open = false;
  let placement: Placement | undefined;
  let pendingFrame = 0;

  const size = (): Size => (open ? openSize(window.innerHeight) : COLLAPSED);

  const layout = () => {
    const iframe = ui?.iframe;
    if (!iframe) return;
    const frame = size();
    // The visual viewport excludes the scrollbar; documentElement.clientWidth doesn't on every page.
    const viewport = {
      width: window.visualViewport?.width ?? document.documentElement.clientWidth,
      height: window.visualViewport?.height ?? window.innerHeight,
    };
    placement = choosePlacement(frame, viewport, measureAvoid(document, hireSelectors()), placement);
    const s = iframe.style;
    s.width = `${frame.width}px`;
    s.height = `${frame.height}px`;
    s.top = `${placement.top}px`;
    s.left = placement.edge === 'left' ? '0px' : 'auto';
    s.right = placement.edge === 'right' ? '0px' : 'auto';
  };

  const scheduleLayout = () => {
    if (!ui || pendingFrame) return;
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
    const iframe = ui?.iframe;
    if (!iframe || event.source !== iframe.contentWindow || !isLayoutMessage(event.data)) return;
    open = event.data.open;
    layout();
  });
  ctx.addEventListener(window, 'resize', scheduleLayout);
  // Hire buttons move under a fixed frame as the page scrolls (sticky headers, long profiles).
  ctx.addEventListener(window, 'scroll', scheduleLayout, { capture: true, passive: true });

  return {
    show(next) {
      if (ui && key === next && ui.iframe.isConnected) return;
      key = next;
      const src = overlaySrc(base, next);
      if (ui && ui.iframe.isConnected) {
        // Same document, new hash: the frame follows without reloading.
        ui.iframe.src = src;
        return;
      }
      // Thrown out by the page (see below): drop the old holder before a new frame is made.
      ui?.remove();
      open = false;
      placement = undefined;
      ui = createIframeUi<void>(ctx, {
        page: OVERLAY_PAGE,
        position: 'inline',
        // On <html>, after <body>: frameworks that re-render the whole body (innerHTML, a new
        // <body>, replaceChildren) would otherwise remove the frame with the page's old content.
        anchor: () => document.documentElement,
        onBeforeMount: (wrapper, iframe) => {
          styleFrame(wrapper, iframe);
          iframe.src = src;
        },
      });
      ui.mount();
      layout();
    },
    remove() {
      ui?.remove();
      ui = null;
      key = null;
      open = false;
    },
    toggle() {
      const win = ui?.iframe.contentWindow;
      if (!win) return;
      win.postMessage({ type: COMMAND_MESSAGE, command: 'toggle' }, extensionOrigin);
      ui?.iframe.focus();
    },
    get key() {
      return key;
    },
    get iframe() {
      return ui?.iframe ?? null;
    },
  };
}
