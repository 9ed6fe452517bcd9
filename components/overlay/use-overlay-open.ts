/**
 * Open / collapsed, remembered in settings (`overlayOpen`) so every profile opens the way the user
 * left it. Every change goes to the content script through the background (`overlayLayout`), which
 * resizes the frame; the keyboard shortcut comes back the same way, addressed to this frame's nonce
 * (issue 12: nothing the page posts can open or move the overlay).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { overlayEventFor } from './frame';

export interface OverlayOpenState {
  /** null until settings are read. */
  open: boolean | null;
  toggle: () => void;
  /** Set when the choice could not be remembered (the frame still toggles). */
  saveError?: string;
}

/**
 * `stored` is settings.overlayOpen once read; `unreachable` when settings could not be read (the
 * collapsed tab then explains the problem).
 */
export function useOverlayOpen(stored: boolean | undefined, unreachable: boolean, nonce: string | null = null): OverlayOpenState {
  const [open, setOpen] = useState<boolean | null>(null);
  const [saveError, setSaveError] = useState<string>();
  const current = useRef<boolean | null>(null);
  current.current = open;

  // Only the first reading decides: later settings changes come from other tabs' overlays.
  useEffect(() => {
    if (stored !== undefined) setOpen((o) => o ?? stored);
    else if (unreachable) setOpen((o) => o ?? false);
  }, [stored, unreachable]);

  useEffect(() => {
    if (open !== null && nonce) void send('overlayLayout', { open }).catch(() => undefined);
  }, [open, nonce]);

  const toggle = useCallback(() => {
    const next = !(current.current ?? false);
    current.current = next;
    setOpen(next);
    send('updateSettings', { patch: { overlayOpen: next } })
      .then(() => setSaveError(undefined))
      .catch((err: unknown) => setSaveError(err instanceof Error ? err.message : String(err)));
  }, []);

  useEffect(() => {
    if (!nonce) return;
    const onMessage = (message: unknown) => {
      if (overlayEventFor(message, nonce)?.kind === 'toggle') toggle();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [toggle, nonce]);

  return { open, toggle, saveError };
}
