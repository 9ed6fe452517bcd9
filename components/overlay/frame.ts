/**
 * The overlay frame's side of the contract with the content script (lib/content/overlay-frame.ts,
 * run by every entrypoints/<site>.content.ts).
 * Messages to the page carry layout only: the marketplace page can read every postMessage sent to
 * its window, so nothing about the contractor ever goes this way.
 */
export const LAYOUT_MESSAGE = 'vetted:overlay-layout';
export const COMMAND_MESSAGE = 'vetted:overlay-command';

export interface LayoutMessage {
  type: typeof LAYOUT_MESSAGE;
  open: boolean;
}

/** The contractor key from `#key=<encodeURIComponent(key)>`, or null. */
export function keyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const key = params.get('key');
  return key && key.trim() ? key : null;
}

/** Tells the embedding page which size the frame wants. No-op when the page is not framed. */
export function postLayout(open: boolean, win: Window = window): void {
  if (win.parent === win) return;
  const message: LayoutMessage = { type: LAYOUT_MESSAGE, open };
  win.parent.postMessage(message, '*');
}

/**
 * A toggle command relayed by the content script (keyboard shortcut). Only the embedding window may
 * send it: any other frame on the page could otherwise open the panel over the page's content.
 */
export function isToggleCommand(event: MessageEvent, win: Window = window): boolean {
  if (win.parent === win || event.source !== win.parent) return false;
  const data = event.data as { type?: unknown; command?: unknown } | null;
  return typeof data === 'object' && data !== null && data.type === COMMAND_MESSAGE && data.command === 'toggle';
}
