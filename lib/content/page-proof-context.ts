/**
 * A content-script context the marketplace page cannot switch off (issue 12, attack 2).
 *
 * WXT's own `ContentScriptContext` (wxt 0.20.27, and unchanged in 0.21.4) announces every start to
 * the page — a `CustomEvent` on `document` and a `window.postMessage`, both named
 * `<extension id>:<entrypoint>:wxt:content-script-started` — and invalidates itself when the
 * document receives a `CustomEvent` of that name with another `messageId`. Any page script can
 * dispatch one: the overlay and badges then vanished until a reload. It also dispatches its
 * `wxt:locationchange` events on `window`, where the page can forge them.
 *
 * This class has the same API (the content-script builds alias `wxt/utils/content-script-context`
 * to this file, see wxt.config.ts) and tells the page nothing and listens to nothing from it:
 * - it becomes invalid only when `browser.runtime.id` is gone (the extension was reloaded or
 *   updated under the page; Chrome leaves the old script running then, Firefox unloads it);
 * - URL changes are delivered to listeners kept here, never through a page-visible event, and
 *   only from trusted Navigation API events or its own polling.
 */
import { browser } from 'wxt/browser';

type LocationListener = (event: { newUrl: URL; oldUrl: URL }) => void;

const LOCATION_EVENT = 'wxt:locationchange';

export class ContentScriptContext {
  /** Kept for API compatibility; never sent anywhere. */
  static SCRIPT_STARTED_MESSAGE_TYPE = 'vetted:never-announced';

  readonly id = Math.random().toString(36).slice(2);
  private readonly abortController = new AbortController();
  private readonly locationListeners = new Set<LocationListener>();
  private watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  get isInvalid(): boolean {
    let alive = false;
    try {
      alive = browser.runtime?.id != null;
    } catch {
      alive = false;
    }
    if (!alive) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => {
      if (this.isValid) callback(t);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((d) => {
      if (!this.signal.aborted) callback(d);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget | undefined,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (type === LOCATION_EVENT) {
      const listener = handler as unknown as LocationListener;
      this.locationListeners.add(listener);
      this.onInvalidated(() => this.locationListeners.delete(listener));
      if (this.isValid) this.watchLocation();
      return;
    }
    target?.addEventListener(type, handler as unknown as EventListener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watching) return;
    this.watching = true;
    let lastUrl = new URL(location.href);
    const emit = (newUrl: URL) => {
      if (newUrl.href === lastUrl.href) return;
      const oldUrl = lastUrl;
      lastUrl = newUrl;
      for (const l of [...this.locationListeners]) l({ newUrl, oldUrl });
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          // A page may dispatch an event of that name on `navigation`; only the browser's count.
          if (!event.isTrusted) return;
          const url = (event as Event & { destination?: { url?: string } }).destination?.url;
          if (!url) return;
          try {
            emit(new URL(url));
          } catch {
            /* not a URL: ignore */
          }
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => emit(new URL(location.href)), 1_000);
    }
  }
}
