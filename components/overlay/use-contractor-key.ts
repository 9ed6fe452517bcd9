/**
 * Which contractor the frame shows. The content script puts the key in the hash and changes only
 * the hash on client-side navigation; without a key in the hash (e.g. "Track this page" on another
 * site) the background's record of the tab is used. The tab id is kept for opening the side panel.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { TAB_CONTEXT_EVENT } from '../../lib/messaging/events';
import type { TabContextEvent } from '../../lib/messaging/protocol';
import { keyFromHash } from './frame';

export interface ContractorKeyState {
  key: string | null;
  tabId: number | null;
  /** True until the key is known or known to be missing. */
  resolving: boolean;
  error?: string;
}

export function useContractorKey(): ContractorKeyState {
  const [hashKey, setHashKey] = useState(() => keyFromHash(location.hash));
  const [tabKey, setTabKey] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const onHash = () => setHashKey(keyFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    let live = true;
    send('getTabContext', {})
      .then((ctx) => {
        if (!live) return;
        setTabId(ctx.tabId);
        setTabKey(ctx.key);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (live) setError(err instanceof Error ? err.message : String(err));
      })
      .finally(() => live && setAsked(true));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (tabId === null) return;
    const onMessage = (message: unknown) => {
      const event = message as TabContextEvent | null;
      if (event && typeof event === 'object' && event.event === TAB_CONTEXT_EVENT && event.tabId === tabId) {
        setTabKey(event.key);
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  const key = hashKey ?? tabKey;
  return { key, tabId, resolving: key === null && !asked, error: key === null ? error : undefined };
}
