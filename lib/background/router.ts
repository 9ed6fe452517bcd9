/**
 * The one entry point for requests from other contexts (DESIGN.md rule 3). For each message:
 * shape check → known type → sender allowed for that type → payload schema → handler → broadcast.
 * Every rejection happens before a handler runs, so a rejected request never touches data.
 */
import { browser } from 'wxt/browser';
import type { VettedDb } from '../db/database';
import type { RecordedWrite } from '../db/recorder';
import { describeIssues } from '../db/errors';
import { isMarketplaceUrl } from '../sites/matches';
import {
  REQUESTS,
  TAB_CONTEXT_EVENT,
  type ChangedTable,
  type Reply,
  type RequestPayload,
  type RequestType,
  type Responses,
  type TabContextEvent,
} from '../messaging/protocol';
import { broadcast as defaultBroadcast, type BackgroundEvent } from './broadcast';
import type { HandlerContext, Handlers, Sender } from './context';
import { changeEventOf } from './change-event';
import { toReplyError } from './errors';
import { HANDLERS } from './handlers';
import { TabContexts } from './tab-contexts';
import { OWN_EVENTS } from '../messaging/events';
import { isOverlayInTab, OverlayBindings } from './overlay-bindings';

export interface RouterOptions {
  db: VettedDb;
  tabs?: TabContexts;
  overlays?: OverlayBindings;
  now?: () => number;
  handlers?: Handlers;
  broadcast?: (event: BackgroundEvent, tabIds: readonly number[]) => Promise<void>;
  /** Result of navigator.storage.persist() at startup. */
  persisted?: () => boolean | undefined;
  /** Called after every successful write with the tables it touched (e.g. the toolbar badge). */
  afterWrite?: (tables: readonly ChangedTable[]) => void;
}

export interface Router {
  (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined;
  /**
   * The background's own requests (the context menu): the same payload check, handler and
   * broadcast as any request. No sender is checked, and none is made up: the sender is the
   * background itself, which has no tab and no page.
   */
  internal<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Reply<Responses[T]>>;
  /** Resolves once every change event of the requests answered so far has been sent. */
  settled(): Promise<void>;
  /** issue 11: broadcasts what committed outside a request (a background sync); no afterWrite. */
  announcePending(): Promise<void>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Our own events come back through runtime.onMessage in some browsers: not requests. */
function isOwnEvent(message: unknown): boolean {
  if (!isPlainObject(message)) return false;
  return typeof message.event === 'string' && OWN_EVENTS.includes(message.event);
}

/** Extension pages (popup, side panel, options, the overlay frame): our id and our origin. */
export function isOwnPage(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const base = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** The content script on a supported marketplace tab. */
export function isMarketplaceContentScript(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.tab) return false;
  return isMarketplaceUrl(sender.url ?? sender.tab.url);
}

export function isAllowedSender(from: 'content' | 'page', sender: Sender): boolean {
  if (isOwnPage(sender)) return true;
  return from === 'content' && isMarketplaceContentScript(sender);
}

const fail = (code: Extract<Reply<never>, { ok: false }>['code'], error: string): Reply<never> => ({ ok: false, code, error });

export function createRouter(options: RouterOptions): Router {
  const { db } = options;
  const tabs = options.tabs ?? new TabContexts();
  const overlays = options.overlays ?? new OverlayBindings();
  const now = options.now ?? Date.now;
  const handlers = options.handlers ?? HANDLERS;
  const send = options.broadcast ?? defaultBroadcast;

  let announced: Promise<void> = Promise.resolve();

  async function handle(message: Record<string, unknown>, sender: Sender): Promise<Reply<unknown>> {
    const keys = Object.keys(message);
    if (typeof message.type !== 'string' || !('payload' in message) || keys.some((k) => k !== 'type' && k !== 'payload')) {
      return fail('bad-request', 'Malformed request: expected { type, payload }.');
    }
    const type = message.type;
    if (!Object.prototype.hasOwnProperty.call(REQUESTS, type)) {
      return fail('unknown-type', `Unknown request type "${type.slice(0, 100)}".`);
    }
    const spec = REQUESTS[type as RequestType];
    if (!isAllowedSender(spec.from, sender)) {
      return fail('forbidden', `"${type}" is not allowed from this sender.`);
    }
    // issue 12: an overlay document in a tab may be one the page framed, or the real frame the page
    // re-pointed: it is heard only once bound to its tab (lib/background/overlay-bindings.ts).
    if (type !== 'claimOverlay' && isOverlayInTab(sender) && !(await overlays.isBound(sender))) {
      return fail('forbidden', 'This Vetted panel was not opened by Vetted on this page, so it can’t read or change anything.');
    }
    return run(type as RequestType, message.payload, sender);
  }

  async function run(type: RequestType, payload: unknown, sender: Sender): Promise<Reply<unknown>> {
    const parsed = REQUESTS[type].payload.safeParse(payload);
    if (!parsed.success) {
      return fail('bad-request', `Invalid "${type}" request: ${describeIssues(parsed.error.issues)}`);
    }

    const tabChanges: Omit<TabContextEvent, 'event'>[] = [];
    const ctx: HandlerContext = {
      sender,
      now: now(),
      tabs,
      overlays,
      tabContextChanged: (c) => tabChanges.push(c),
      persisted: options.persisted?.(),
    };
    let reply: Reply<unknown>;
    try {
      const handler = handlers[type as RequestType] as (db: unknown, payload: unknown, ctx: HandlerContext) => Promise<unknown>;
      reply = { ok: true, data: await handler(db, parsed.data, ctx) };
    } catch (err) {
      reply = { ok: false, ...toReplyError(err) };
    }
    // Whatever committed is announced, even when a later step of the request failed. Best effort:
    // the write succeeded whatever happens to the views.
    const sent = announce(db.writes.take(), reply.ok ? tabChanges : []).catch(() => undefined);
    announced = Promise.all([announced, sent]).then(() => undefined);
    return reply;
  }

  async function announce(writes: RecordedWrite[], tabChanges: Omit<TabContextEvent, 'event'>[], local = true) {
    const event = changeEventOf(writes);
    if (event) {
      if (local) options.afterWrite?.(event.tables);
      await send(event, await tabs.tabIds());
    }
    for (const t of tabChanges) await send({ event: TAB_CONTEXT_EVENT, ...t }, []);
  }

  const router = (message: unknown, sender: Sender) => {
    if (isOwnEvent(message)) return undefined;
    if (!isPlainObject(message)) return Promise.resolve(fail('bad-request', 'Malformed request: expected { type, payload }.'));
    return handle(message, sender).catch((err: unknown) => ({ ok: false as const, ...toReplyError(err) }));
  };
  const self: Sender = { id: browser.runtime.id };
  const internal: Router['internal'] = (type, payload) =>
    run(type, payload, self).catch((err: unknown) => ({ ok: false as const, ...toReplyError(err) })) as never;
  const announcePending = () => announce(db.writes.take(), [], false).catch(() => undefined);
  return Object.assign(router, { internal, settled: () => announced, announcePending });
}
