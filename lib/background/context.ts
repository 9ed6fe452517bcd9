import type { Browser } from 'wxt/browser';
import type { VettedDb } from '../db/database';
import type { ParsedPayload, RequestType, Responses, TabContextEvent } from '../messaging/protocol';
import type { TabContexts } from './tab-contexts';
import type { OverlayBindings } from './overlay-bindings';

export type Sender = Browser.runtime.MessageSender;

export interface HandlerContext {
  sender: Sender;
  /** One instant per request, so every record written by it shares the same timestamp. */
  now: number;
  tabs: TabContexts;
  /** issue 12: which overlay frame in each tab is Vetted's own. */
  overlays: OverlayBindings;
  /** Records that a tab now shows another contractor (broadcast after success). */
  tabContextChanged(change: Omit<TabContextEvent, 'event'>): void;
  /** Whether navigator.storage.persist() was granted at startup (undefined: not asked yet). */
  persisted?: boolean;
}

export type Handler<T extends RequestType> = (db: VettedDb, payload: ParsedPayload<T>, ctx: HandlerContext) => Promise<Responses[T]>;
export type Handlers = { [T in RequestType]: Handler<T> };
export type HandlerGroup<K extends RequestType> = { [T in K]: Handler<T> };
