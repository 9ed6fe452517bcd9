/**
 * The overlay frame's side of the contract with the content script (lib/content/overlay-frame.ts,
 * run by every entrypoints/<site>.content.ts). Issue 12: the frame trusts nothing it can get from
 * the page — not its URL, not a postMessage — except the one nonce the content script posts into
 * it, which it hands to the background (`claimOverlay`). The background answers only the frame the
 * content script bound, and from then on talks to it by runtime messaging (see OVERLAY_EVENT).
 */
export const BIND_MESSAGE = 'vetted:overlay-bind';
import { OVERLAY_EVENT, type OverlayEvent } from '../../lib/messaging/events';

export { OVERLAY_EVENT, type OverlayEvent };

/** The nonce of a bind message from the embedding window, or null (anything else is ignored). */
export function bindNonce(event: MessageEvent, win: Window = window): string | null {
  if (win.parent === win || event.source !== win.parent) return null;
  const data = event.data as { type?: unknown; nonce?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== BIND_MESSAGE || typeof data.nonce !== 'string') return null;
  return /^[A-Za-z0-9_-]{16,64}$/.test(data.nonce) ? data.nonce : null;
}

/** A runtime message from the background for the frame holding `nonce`. */
export function overlayEventFor(message: unknown, nonce: string | null): OverlayEvent | null {
  if (!nonce || typeof message !== 'object' || message === null) return null;
  const m = message as Partial<OverlayEvent>;
  return m.event === OVERLAY_EVENT && m.to === nonce ? (m as OverlayEvent) : null;
}
