/**
 * Which overlay frame in each tab is Vetted's own (issue 12, attacks 3–5).
 *
 * The overlay page (`overlay.html`) must be web-accessible so the content script can frame it, so
 * the marketplace page can frame it too, or re-point the real frame elsewhere. The frame therefore
 * learns nothing from its URL and is trusted only once bound:
 * 1. the content script (top frame of the tab) mounts its frame and sends `bindOverlay` with a fresh
 *    random nonce and the contractor its page shows;
 * 2. it posts that nonce into its own iframe's window, addressed to the extension's origin — the
 *    page can't read a message delivered to a cross-origin window, and a page-made frame never gets it;
 * 3. the frame sends `claimOverlay { nonce }`; the background binds that tab's overlay to the
 *    sender's frame (`sender.frameId`, and `sender.documentId` where the browser has it) and answers
 *    with the contractor. A nonce is claimed once; a new mount or a reload of the frame makes a new one.
 * Every other request from an overlay document in a tab is refused unless it comes from the bound
 * frame (router.ts), and the key, layout and commands then travel by runtime messaging addressed to
 * that frame (`tabs.sendMessage(tabId, …, { frameId })`), never by the page's postMessage.
 *
 * Kept in memory and in storage.session, like the tab contexts, so a restarted service worker still
 * knows the bound frame.
 */
import { browser } from 'wxt/browser';
import type { Sender } from './context';
import { SessionTabMap } from './session-tab-map';
import { overlayBindingsItem } from './stored-items';
import { OVERLAY_EVENT, type OverlayEvent } from '../messaging/events';

export interface OverlayBinding {
  nonce: string;
  key: string | null;
  /** The frame that claimed the nonce; null until claimed. */
  frameId: number | null;
  /** Chromium's document id of the claiming document (a re-pointed frame gets a new one). */
  documentId?: string;
}

/** An overlay document inside a tab (the content script's frame, or one the page made). */
export function isOverlayInTab(sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/overlay.html')) && sender.tab?.id !== undefined;
}

function documentIdOf(sender: Sender): string | undefined {
  const id = (sender as { documentId?: unknown }).documentId;
  return typeof id === 'string' ? id : undefined;
}

export class OverlayBindings extends SessionTabMap<OverlayBinding> {
  constructor() {
    super(overlayBindingsItem);
  }

  /**
   * The content script's (re)binding. A new nonce unbinds the previous frame (new mount or reload);
   * the same nonce only changes the contractor. Returns the bound frame to tell, if any.
   */
  async bind(tabId: number, nonce: string, key: string | null): Promise<OverlayBinding> {
    await this.restore();
    const before = this.map.get(tabId);
    const next: OverlayBinding = before && before.nonce === nonce ? { ...before, key } : { nonce, key, frameId: null };
    this.map.set(tabId, next);
    await this.persist();
    return next;
  }

  /** The frame's claim: the binding when the nonce is this tab's and not claimed by another frame. */
  async claim(sender: Sender, nonce: string): Promise<OverlayBinding | null> {
    await this.restore();
    const tabId = sender.tab?.id;
    if (tabId === undefined || !isOverlayInTab(sender) || typeof sender.frameId !== 'number' || sender.frameId <= 0) return null;
    const b = this.map.get(tabId);
    if (!b || b.nonce !== nonce) return null;
    const documentId = documentIdOf(sender);
    if (b.frameId !== null && (b.frameId !== sender.frameId || b.documentId !== documentId)) return null;
    const next: OverlayBinding = { ...b, frameId: sender.frameId, ...(documentId ? { documentId } : {}) };
    this.map.set(tabId, next);
    await this.persist();
    return next;
  }

  /** Whether `sender` is the bound overlay frame of its tab. */
  async isBound(sender: Sender): Promise<boolean> {
    await this.restore();
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    const b = this.map.get(tabId);
    if (!b || b.frameId === null || b.frameId !== sender.frameId) return false;
    return b.documentId === undefined || b.documentId === documentIdOf(sender);
  }

  async remove(tabId: number): Promise<void> {
    await this.restore();
    if (this.map.delete(tabId)) await this.persist();
  }
}

/**
 * Tells the bound overlay frame of `tabId`. Extension pages hear runtime messages (content scripts
 * and the marketplace page never do); only the frame holding the nonce acts on it.
 */
export async function tellOverlay(
  bindings: OverlayBindings,
  tabId: number,
  message: { kind: 'key'; key: string | null } | { kind: 'toggle' },
): Promise<boolean> {
  const b = await bindings.get(tabId);
  if (!b || b.frameId === null) return false;
  const event = { event: OVERLAY_EVENT, to: b.nonce, ...message } as OverlayEvent;
  try {
    await browser.runtime.sendMessage(event);
    return true;
  } catch {
    return false;
  }
}
