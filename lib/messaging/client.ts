/**
 * The one client every context uses to talk to the background (content script, overlay frame,
 * popup, side panel, options). Throws `VettedError` with a user-readable message on failure.
 */
import { browser } from 'wxt/browser';
import { CHANGE_EVENT } from './events';
import type { ChangeEvent, ErrorCode, Reply, RequestPayload, RequestType, Responses } from './protocol';

export class VettedError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'VettedError';
  }
}

/** What a view says when the background stopped before answering: the change may have been stored. */
export const LOST_ANSWER =
  'Vetted stopped before it confirmed this, so it may already be saved. Check, or try again: a retry does not store it twice.';

/** Chrome: "…the message channel closed before a response was received"; Firefox: "…the message port closed…". */
function lostAnswer(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /(message channel|message port) closed before a response was received/i.test(text);
}

export async function send<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Responses[T]> {
  let reply: Reply<Responses[T]> | undefined;
  try {
    reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Responses[T]> | undefined;
  } catch (err) {
    // The background took the request and stopped before it answered (its service worker was
    // stopped mid-request): what was asked may be done.
    if (lostAnswer(err)) throw new VettedError(LOST_ANSWER, 'internal');
    // Extension reloaded/updated under an open page, or the background is not reachable.
    throw new VettedError('Vetted could not reach its storage. If you just updated the extension, reload this page.', 'internal');
  }
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new VettedError('Vetted got no answer from its storage. Please try again.', 'internal');
  }
  if (!reply.ok) throw new VettedError(reply.error, reply.code);
  return reply.data;
}

export function isChangeEvent(message: unknown): message is ChangeEvent {
  return typeof message === 'object' && message !== null && (message as ChangeEvent).event === CHANGE_EVENT;
}

/** Calls `listener` whenever the background reports a write. Returns an unsubscribe function. */
export function onChange(listener: (event: ChangeEvent) => void): () => void {
  const handler = (message: unknown) => {
    if (isChangeEvent(message)) listener(message);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
