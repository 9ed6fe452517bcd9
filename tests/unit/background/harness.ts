/** Shared set-up for router tests: a fresh database, a router, and the senders of each context. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { openDb, TABLE_NAMES, type VettedDb } from '../../../lib/db/database';
import { createRouter, type Router } from '../../../lib/background/router';
import { TabContexts } from '../../../lib/background/tab-contexts';
import { OverlayBindings } from '../../../lib/background/overlay-bindings';
import type { BackgroundEvent } from '../../../lib/background/broadcast';
import type { Reply, RequestPayload, RequestType, Responses } from '../../../lib/messaging/protocol';
import type { ProfileSnapshot } from '../../../lib/db/schema';

let counter = 0;
export const freshDb = (): VettedDb => openDb(`vetted-test-${Date.now()}-${++counter}`);

export const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

type Sender = Browser.runtime.MessageSender;

/** The frame id of the overlay the harness binds in every tab it is used in. */
export const BOUND_FRAME = 3;

export const senders = {
  popup: (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }),
  sidepanel: (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') }),
  options: (): Sender => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') }),
  /** The overlay frame inside a marketplace tab: the content script's own (bound by the harness, frame 3). */
  overlay: (tabId = 7): Sender => ({
    id: browser.runtime.id,
    url: browser.runtime.getURL('/overlay.html'),
    frameId: BOUND_FRAME,
    tab: { id: tabId, url: 'https://www.upwork.com/freelancers/~01abc' } as Browser.tabs.Tab,
  }),
  /** issue 12: an overlay document the page framed itself (never bound). */
  strayOverlay: (tabId = 7, frameId = 9): Sender => ({
    id: browser.runtime.id,
    url: browser.runtime.getURL('/overlay.html#key=upwork%3A~01other'),
    frameId,
    tab: { id: tabId, url: 'https://www.upwork.com/freelancers/~01abc' } as Browser.tabs.Tab,
  }),
  content: (url = 'https://www.upwork.com/freelancers/~01abc', tabId = 7): Sender => ({
    id: browser.runtime.id,
    url,
    tab: { id: tabId, url } as Browser.tabs.Tab,
  }),
};

/** The nonce the harness binds every overlay frame sender with (a view's claim must use it). */
export const HARNESS_NONCE = 'harness-bound-nonce-0000';

export interface Harness {
  db: VettedDb;
  router: Router;
  tabs: TabContexts;
  overlays: OverlayBindings;
  events: { event: BackgroundEvent; tabIds: readonly number[] }[];
  clock: { now: number };
  call<T extends RequestType>(type: T, payload: RequestPayload<T>, sender?: Sender): Promise<Reply<Responses[T]>>;
  /** As the browser hands a message to the router: the reply comes first, the broadcast after (see router.settled()). */
  route(message: unknown, sender: Sender): Promise<Reply<unknown>>;
  /** Like call, but throws on an error reply. */
  ok<T extends RequestType>(type: T, payload: RequestPayload<T>, sender?: Sender): Promise<Responses[T]>;
  counts(): Promise<Record<string, number>>;
}

export interface HarnessOptions {
  /** Also deliver each broadcast as the browser would, to runtime.onMessage listeners (the views' onChange). */
  deliver?: boolean;
}

export function makeHarness(db: VettedDb = freshDb(), { deliver = false }: HarnessOptions = {}): Harness {
  fakeBrowser.reset();
  const events: Harness['events'] = [];
  const clock = { now: T0 };
  const tabs = new TabContexts();
  const overlays = new OverlayBindings();
  const router = createRouter({
    db,
    tabs,
    overlays,
    now: () => clock.now,
    broadcast: async (event, tabIds) => {
      events.push({ event, tabIds });
      if (deliver) await browser.runtime.sendMessage(event).catch(() => undefined);
    },
  });
  const route: Harness['route'] = async (message, sender) => {
    // The real overlay frame of a tab, as the content script and the frame would have bound it.
    const tabId = sender.tab?.id;
    if (sender.frameId === BOUND_FRAME && tabId !== undefined && sender.url?.includes('/overlay.html')) {
      const b = await overlays.get(tabId);
      if (!b || b.frameId === null) {
        await overlays.bind(tabId, HARNESS_NONCE, b?.key ?? null);
        await overlays.claim(sender, HARNESS_NONCE);
      }
    }
    return (await router(message, sender)) as Reply<unknown>;
  };
  const call: Harness['call'] = async (type, payload, sender = senders.popup()) => {
    const reply = await route({ type, payload }, sender);
    // What the request changed has been announced (the router sends it after replying).
    await router.settled();
    return reply as never;
  };
  return {
    db,
    router,
    tabs,
    overlays,
    events,
    clock,
    call,
    route,
    async ok(type, payload, sender) {
      const reply = await call(type, payload, sender);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.code}: ${reply.error}`);
      return reply.data;
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const t of TABLE_NAMES) out[t] = await db.table(t).count();
      return out;
    },
  };
}

export function snapshot(overrides: Partial<ProfileSnapshot> = {}): ProfileSnapshot {
  return {
    key: 'upwork:~01abc',
    site: 'upwork',
    siteId: '~01abc',
    name: 'Ada Lovelace',
    profileUrl: 'https://www.upwork.com/freelancers/~01abc',
    headline: 'Analytical engines',
    rate: { amountMinor: 8000, currency: 'USD', unit: 'hour' },
    marketplaceRating: { score: 4.9, outOf: 5, count: 31 },
    jobSuccess: 98,
    ...overrides,
  };
}
