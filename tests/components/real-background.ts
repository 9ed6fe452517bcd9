/**
 * Component tests against the real background, with nothing mocked between them: the view's own
 * `send` (lib/messaging/client) calls `browser.runtime.sendMessage` on fakeBrowser, which hands
 * the message to the real router over a fresh fake-indexeddb database, as the extension page or
 * frame named by `sender`. What a write changed is broadcast back through runtime.onMessage, so the
 * view's `onChange` hears it as in the browser (the reply first, the event after).
 *
 *   const bg = realBackground(senders.overlay);
 *   await bg.ok('reportPage', …, senders.content());   // seed through the same router
 *   render(<OverlayApp … />);
 *
 * fakeBrowser has no sender: the browser's is supplied here, per view. `failNext` answers the next
 * request of one type with an error reply, for the paths where the background refuses (disk full,
 * a stale edit): everything else is the real thing.
 */
import { browser, type Browser } from 'wxt/browser';
import { isChangeEvent } from '../../lib/messaging/client';
import type { ErrorCode, RequestType } from '../../lib/messaging/protocol';
import { freshDb, makeHarness, senders as contexts, snapshot, type Harness } from '../unit/background/harness';

export { snapshot };
export type { Harness };

type Sender = Browser.runtime.MessageSender;

/** The harness's senders, and the extension's other pages as they send (each its own URL). */
export const senders = {
  ...contexts,
  board: (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/board.html') }),
  agreement: (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/agreement.html') }),
};

export interface RealBackground extends Harness {
  /** Every request a view sent, in order (type and payload), for tests that check what was asked. */
  sent: { type: string; payload: unknown }[];
  /** The next request of `type` is answered with this error instead of reaching the router. */
  failNext(type: RequestType, code: ErrorCode, message?: string): void;
  /** Until called again with null, requests are answered as if the background were gone (transport error). */
  setUnreachable(on: boolean): void;
  /** Resolves once the last write's change event has reached the views. */
  settled(): Promise<void>;
}

export function realBackground(sender: () => Sender = senders.popup): RealBackground {
  const h = makeHarness(freshDb(), { deliver: true });
  const sent: RealBackground['sent'] = [];
  const failures = new Map<string, { code: ErrorCode; message: string }[]>();
  let unreachable = false;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isChangeEvent(message)) return undefined;
    const request = message as { type?: unknown; payload?: unknown };
    if (typeof request !== 'object' || request === null || typeof request.type !== 'string') return h.route(message, sender());
    sent.push({ type: request.type, payload: request.payload });
    if (unreachable) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const queued = failures.get(request.type);
    const failure = queued?.shift();
    if (failure) return Promise.resolve({ ok: false, code: failure.code, error: failure.message });
    return h.route(message, sender());
  });
  return Object.assign(h, {
    sent,
    failNext(type: RequestType, code: ErrorCode, message = 'Vetted could not save that. Please try again.') {
      const queued = failures.get(type) ?? [];
      queued.push({ code, message });
      failures.set(type, queued);
    },
    setUnreachable(on: boolean) {
      unreachable = on;
    },
    settled: () => h.router.settled(),
  });
}
