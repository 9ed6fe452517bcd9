/**
 * Open / collapsed, remembered in settings (`overlayOpen`) so every profile opens the way the user
 * left it. Every change is posted to the content script, which resizes the frame.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { isToggleCommand, postLayout } from './frame';

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
export function useOverlayOpen(stored: boolean | undefined, unreachable: boolean): OverlayOpenState {
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
    if (open !== null) postLayout(open);
  }, [open]);

  const toggle = useCallback(() => {
    const next = !(current.current ?? false);
    current.current = next;
    setOpen(next);
    send('updateSettings', { patch: { overlayOpen: next } })
      .then(() => setSaveError(undefined))
      .catch((err: unknown) => setSaveError(err instanceof Error ? err.message : String(err)));
  }, []);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (isToggleCommand(event)) toggle();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [toggle]);

  return { open, toggle, saveError };
}
