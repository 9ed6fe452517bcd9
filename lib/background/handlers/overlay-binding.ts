/**
 * Issue 12: the one-click shortlist of a search-result mark, and the overlay frame's binding to its
 * tab (lib/background/overlay-bindings.ts). Nothing private goes back to the content script.
 */
import { browser } from 'wxt/browser';
import { shortlistFromCard } from '../../db/repositories/card-mark';
import { isSiteEnabled } from '../../db/repositories/settings';
import { RequestError } from '../errors';
import type { HandlerContext, HandlerGroup } from '../context';
import { tellOverlay } from '../overlay-bindings';

/** The layout message the content script hears (runtime messaging from the background only). */
export const OVERLAY_LAYOUT_EVENT = 'vetted:overlay-layout';
/** Asks the content script whether the page shows its frame whole (lib/content/frame-exposure.ts). */
export const OVERLAY_EXPOSURE_EVENT = 'vetted:overlay-exposure';
/** Tells the content script the user is typing in its frame (lib/content/focus-keeper.ts). */
export const OVERLAY_TYPING_EVENT = 'vetted:overlay-typing';

const NOT_OURS = 'This Vetted panel was not opened by Vetted on this page, so it shows nothing and can’t change anything.';

function topFrameTab(ctx: HandlerContext, type: string): number {
  const tabId = ctx.sender.tab?.id;
  if (tabId === undefined || tabId < 0 || (ctx.sender.frameId ?? 0) !== 0) {
    throw new RequestError('forbidden', `"${type}" is only for the page's own content script.`);
  }
  return tabId;
}

type Names = 'shortlistFromCard' | 'bindOverlay' | 'toggleOverlay' | 'claimOverlay' | 'overlayLayout' | 'overlayExposure' | 'overlayTyping';

export const overlayBindingHandlers: HandlerGroup<Names> = {
  async shortlistFromCard(db, { profile, status }, ctx) {
    topFrameTab(ctx, 'shortlistFromCard');
    if (!(await isSiteEnabled(db, profile.site))) throw new RequestError('forbidden', 'Vetted is switched off on this site.');
    await shortlistFromCard(db, profile, status, ctx.now);
    return { ok: true };
  },

  async bindOverlay(_db, { nonce, key }, ctx) {
    const tabId = topFrameTab(ctx, 'bindOverlay');
    const binding = await ctx.overlays.bind(tabId, nonce, key);
    if (binding.frameId !== null) await tellOverlay(ctx.overlays, tabId, { kind: 'key', key });
    return { ok: true };
  },

  async toggleOverlay(_db, _payload, ctx) {
    const tabId = topFrameTab(ctx, 'toggleOverlay');
    await tellOverlay(ctx.overlays, tabId, { kind: 'toggle' });
    return { ok: true };
  },

  async claimOverlay(_db, { nonce }, ctx) {
    const binding = await ctx.overlays.claim(ctx.sender, nonce);
    if (!binding) throw new RequestError('forbidden', NOT_OURS);
    return { tabId: ctx.sender.tab!.id!, key: binding.key };
  },

  async overlayLayout(_db, { open }, ctx) {
    const tabId = ctx.sender.tab?.id;
    if (tabId === undefined || !(await ctx.overlays.isBound(ctx.sender))) throw new RequestError('forbidden', NOT_OURS);
    try {
      await browser.tabs.sendMessage(tabId, { type: OVERLAY_LAYOUT_EVENT, open }, { frameId: 0 });
    } catch {
      // The page navigated away: nothing to resize.
    }
    return { ok: true };
  },

  async overlayTyping(_db, { typing }, ctx) {
    const tabId = ctx.sender.tab?.id;
    if (tabId === undefined || !(await ctx.overlays.isBound(ctx.sender))) throw new RequestError('forbidden', NOT_OURS);
    try {
      await browser.tabs.sendMessage(tabId, { type: OVERLAY_TYPING_EVENT, typing }, { frameId: 0 });
    } catch {
      // The page navigated away.
    }
    return { ok: true };
  },

  async overlayExposure(_db, _payload, ctx) {
    const tabId = ctx.sender.tab?.id;
    if (tabId === undefined || !(await ctx.overlays.isBound(ctx.sender))) throw new RequestError('forbidden', NOT_OURS);
    try {
      const reply: unknown = await browser.tabs.sendMessage(tabId, { type: OVERLAY_EXPOSURE_EVENT }, { frameId: 0 });
      const r = reply as { exposed?: unknown; reason?: unknown } | undefined;
      if (r && typeof r.exposed === 'boolean') return { exposed: r.exposed, ...(typeof r.reason === 'string' ? { reason: r.reason } : {}) };
    } catch {
      // No content script to ask (navigated away, extension reloaded): not known to be shown.
    }
    return { exposed: false, reason: 'Vetted could not check this page.' };
  },
};
