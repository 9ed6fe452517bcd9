/**
 * What both browser sessions share: sending Vetted requests as an extension page, and a registry
 * so the E2E setup file can close every browser a test file forgot (a leaked browser would eat
 * one of the machine's two cores for the rest of the run).
 */
import type { Reply, RequestPayload, RequestType, Responses } from '../../../lib/messaging/protocol';
import type { FixtureName, MarketRoutes } from './fixtures';
import type { BrowserName } from './paths';

/** The overlay iframe's test hook (DESIGN.md, Test contract). */
export const OVERLAY_FRAME_SELECTOR = '[data-testid="vetted-overlay-frame"]';

export interface ExtensionSession<P, F> {
  readonly browserName: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  readonly extensionOrigin: string;
  /** The profile folder (reuse it in a new launch to test what survives a restart). */
  readonly profileDir: string;
  /** The routing table: add pages, inject scripts, read what was served or blocked. */
  readonly routes: MarketRoutes;
  extensionUrl(path: string): string;
  /** A new tab with marketplace routing in place. */
  newPage(): Promise<P>;
  /** `popup.html`, `options.html`, `overlay.html?…` … opened in a tab. */
  openExtensionPage(path?: string): Promise<P>;
  /** A marketplace page served from the captures: a fixture name or any URL the routes know. */
  openMarketplacePage(target: FixtureName | string): Promise<P>;
  /**
   * Waits for the overlay iframe on a marketplace page and returns its frame once its document
   * has loaded (the page itself can't read it; the driver can).
   */
  overlayFrame(page: P): Promise<F>;
  /** Sends a request as an extension page; resolves to the raw reply envelope (ok or error). */
  request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Reply<Responses[T]>>;
  /** Like `request` but returns the data and throws with the background's message when not ok. */
  send<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]>;
  close(): Promise<void>;
}

export type SendOutcome = { sent: true; reply: unknown } | { sent: false; error: string };

/** Runs inside an extension page (serialised by the driver: no closures over test variables). */
export async function sendFromExtensionPage(message: { type: string; payload: unknown }): Promise<SendOutcome> {
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime) return { sent: false, error: 'no runtime API: this page is not an extension page' };
  try {
    return { sent: true, reply: await runtime.sendMessage(message) };
  } catch (err) {
    return { sent: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Retries while the background is not listening yet (just after launch or install, or while an
 * MV3 service worker starts): those are the only transport errors worth waiting out.
 */
export async function sendWithRetry(
  evaluate: (message: { type: string; payload: unknown }) => Promise<SendOutcome>,
  type: string,
  payload: unknown,
  timeoutMs = 15_000,
): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await evaluate({ type, payload });
    if (outcome.sent && outcome.reply !== undefined) return outcome.reply;
    const error = outcome.sent ? 'the background answered nothing (no listener handled the request)' : outcome.error;
    const retryable = !outcome.sent ? /Receiving end does not exist|Could not establish connection/i.test(error) : true;
    if (!retryable || Date.now() > deadline) throw new Error(`Vetted request ${type} failed: ${error}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function unwrap<T>(type: string, reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Vetted request ${type} was refused (${reply.code}): ${reply.error}`);
  return reply.data;
}

/**
 * `request` and `send` through one extension page, opened on first use and reopened if a test
 * closed it. `evaluate` runs `sendFromExtensionPage` in that page with the driver at hand.
 */
export function requestsThrough<P extends { isClosed(): boolean }>(
  open: () => Promise<P>,
  evaluate: (page: P, message: { type: string; payload: unknown }) => Promise<SendOutcome>,
): Pick<ExtensionSession<P, unknown>, 'request' | 'send'> {
  let page: P | undefined;
  const request = async <T extends RequestType>(type: T, payload: RequestPayload<T>) => {
    if (!page || page.isClosed()) page = await open();
    const opened = page;
    return (await sendWithRetry((m) => evaluate(opened, m), type, payload)) as Reply<Responses[T]>;
  };
  const send = async <T extends RequestType>(type: T, payload: RequestPayload<T>) => unwrap(type, await request(type, payload));
  return { request, send };
}

/** Runs inside a frame: true once it shows a fully loaded extension document. */
export function isLoadedExtensionDocument(): boolean {
  return document.readyState === 'complete' && /^(chrome|moz)-extension:$/.test(location.protocol);
}

const live = new Set<{ close(): Promise<void> }>();

export function trackSession(session: { close(): Promise<void> }): void {
  live.add(session);
}

export function untrackSession(session: { close(): Promise<void> }): void {
  live.delete(session);
}

/** Closes every session still open (the E2E setup file calls this after each test file). */
export async function closeAllSessions(): Promise<void> {
  const sessions = [...live];
  live.clear();
  await Promise.allSettled(sessions.map((s) => s.close()));
}
