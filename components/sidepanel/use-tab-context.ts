/**
 * The contractor shown in the current window's active tab, kept up to date as the user switches
 * tabs (tabs.onActivated) and navigates (the background's tab-context broadcast). Needs no `tabs`
 * permission: only tab ids are used, the background knows what its content script saw there.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import { TAB_CONTEXT_EVENT } from '../../lib/messaging/events';
import type { Responses, TabContextEvent } from '../../lib/messaging/protocol';

export type TabContext = Responses['getTabContext'];

const NONE: TabContext = { tabId: null, key: null, site: null, url: null };

function isTabContextEvent(message: unknown): message is TabContextEvent {
  return typeof message === 'object' && message !== null && (message as TabContextEvent).event === TAB_CONTEXT_EVENT;
}

export function useTabContext(enabled = true): { context: TabContext; ready: boolean } {
  const [context, setContext] = useState<TabContext>(NONE);
  const [ready, setReady] = useState(!enabled);
  const tabId = useRef<number | null>(null);
  const ticket = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    let disposed = false;
    let windowId: number | undefined;

    const load = async (id: number | null) => {
      const mine = ++ticket.current;
      tabId.current = id;
      if (id === null) {
        setContext(NONE);
        setReady(true);
        return;
      }
      try {
        const ctx = await send('getTabContext', { tabId: id });
        if (!disposed && mine === ticket.current) setContext({ ...ctx, tabId: id });
      } catch {
        if (!disposed && mine === ticket.current) setContext({ ...NONE, tabId: id });
      } finally {
        if (!disposed && mine === ticket.current) setReady(true);
      }
    };

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId !== undefined && info.windowId !== windowId) return;
      void load(info.tabId);
    };
    const onMessage = (message: unknown) => {
      if (!isTabContextEvent(message) || message.tabId !== tabId.current) return;
      ticket.current++;
      setContext({ tabId: message.tabId, key: message.key, site: message.site, url: message.url });
    };

    browser.tabs.onActivated.addListener(onActivated);
    browser.runtime.onMessage.addListener(onMessage);
    void (async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        windowId = tab?.windowId;
        if (!disposed) await load(tab?.id ?? null);
      } catch {
        if (!disposed) await load(null);
      }
    })();
    return () => {
      disposed = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [enabled]);

  return { context, ready };
}
