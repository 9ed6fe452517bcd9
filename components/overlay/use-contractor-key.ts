/**
 * Which contractor the frame shows (issue 12). Not from the frame's URL, which the page can set:
 * the content script posts a nonce into the frame, the frame claims it from the background, and the
 * background answers with the contractor of the tab and later tells this frame (runtime messaging,
 * addressed by the nonce) when the page moves to another one. A frame the page made never gets a
 * nonce the background accepts: it stays `bound: false` and shows nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send, VettedError } from '../../lib/messaging/client';
import { bindNonce, overlayEventFor } from './frame';
import { TAB_CONTEXT_EVENT } from '../../lib/messaging/events';
import type { TabContextEvent } from '../../lib/messaging/protocol';

/**
 * The nonce may arrive before the app's effects run (the content script posts it on the frame's
 * load event, and effects run after the first paint): it is heard from the moment this module is
 * loaded, and kept for the hook.
 */
let earlyNonce: string | null = null;
const earlyListeners = new Set<(nonce: string) => void>();
if (typeof window !== 'undefined') {
  window.addEventListener('message', (event) => {
    const offered = bindNonce(event);
    if (!offered) return;
    earlyNonce = offered;
    earlyListeners.forEach((l) => l(offered));
  });
}

export interface ContractorKeyState {
  key: string | null;
  tabId: number | null;
  /** The claimed nonce: the frame is Vetted's own frame of its tab. */
  nonce: string | null;
  /** True until the key is known or known to be missing. */
  resolving: boolean;
  error?: string;
  /** Claims the last nonce offered once more (after the background could not be reached). */
  retry: () => void;
}

export function useContractorKey(): ContractorKeyState {
  const [key, setKey] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [nonce, setNonce] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const claimed = useRef<string | null>(null);
  claimed.current = nonce;
  const lastOffered = useRef<string | null>(null);
  const claim = useRef((offered: string) => {
    send('claimOverlay', { nonce: offered })
      .then((reply) => {
        claimed.current = offered;
        setNonce(offered);
        setTabId(reply.tabId);
        setKey(reply.key);
        setError(undefined);
      })
      .catch((err: unknown) => {
        // Refused: not our nonce (the page posting guesses). Stay unbound, show nothing.
        if (err instanceof VettedError && err.code === 'forbidden') return;
        if (!claimed.current) setError(err instanceof Error ? err.message : String(err));
      });
  });

  useEffect(() => {
    const onNonce = (offered: string) => {
      // The nonce offered again: the page moved to another contractor; ask the background which.
      if (offered === claimed.current) return claim.current(offered);
      if (offered === lastOffered.current) return;
      lastOffered.current = offered;
      claim.current(offered);
    };
    earlyListeners.add(onNonce);
    // Offered before this effect ran (the usual case on a frame's first load).
    if (earlyNonce) onNonce(earlyNonce);
    return () => {
      earlyListeners.delete(onNonce);
    };
  }, []);

  useEffect(() => {
    if (!nonce) return;
    const onMessage = (message: unknown) => {
      const event = overlayEventFor(message, nonce);
      if (event?.kind === 'key') setKey(event.key);
      // The background also announces the contractor a tab now shows (after the content script
      // reported the new page): a second way to learn it if the addressed message was missed.
      const tab = message as Partial<TabContextEvent> | null;
      if (tab?.event === TAB_CONTEXT_EVENT && tabId !== null && tab.tabId === tabId && tab.key !== undefined) setKey(tab.key);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [nonce, tabId]);

  const retry = () => {
    if (lastOffered.current) claim.current(lastOffered.current);
  };
  return { key, tabId, nonce, resolving: nonce === null && !error, error: key === null ? error : undefined, retry };
}
