/**
 * Reading a tab the user pointed at ("Track this page", from the popup or the context menu). The
 * page is read only when the user asks, through `activeTab` + `scripting` (no host permission, no
 * content script on other sites), by the generic adapter in `entrypoints/page-reader.ts`.
 */
import { browser } from 'wxt/browser';
import { ProfileSnapshotSchema, type ProfileSnapshot } from '../db/schema';
import type { TrackableCheck } from '../messaging/protocol';
import { isMarketplaceUrl } from '../sites/matches';

export const READER_SCRIPT = '/page-reader.js';

export const CANNOT_READ_MESSAGE =
  'Vetted can’t read browser pages, the extension store or files. Open the contractor’s own website and try again.';
export const NOTHING_READABLE_MESSAGE =
  'Vetted found nothing to read on this page. Open the contractor’s own page (not a PDF or a blank tab) and try again.';

export type TabRead =
  | { ok: true; profile: ProfileSnapshot }
  /** `blocked`: the browser refused the script; `empty`: it ran but found no contractor. */
  | { ok: false; reason: 'blocked' | 'empty'; message: string };

/** Reads the tab with the generic adapter, saying why when it can't (browser pages, PDFs…). */
export async function readTab(tabId: number): Promise<TabRead> {
  let result: unknown;
  try {
    [{ result } = { result: undefined }] = await browser.scripting.executeScript({ target: { tabId }, files: [READER_SCRIPT] });
  } catch {
    return { ok: false, reason: 'blocked', message: CANNOT_READ_MESSAGE };
  }
  const parsed = ProfileSnapshotSchema.safeParse(result);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, reason: 'empty', message: NOTHING_READABLE_MESSAGE };
}

/**
 * Whether "Track this page" can work in a tab, without reading the page: a one-line script asks
 * for its address. It runs only while the user has granted activeTab (they opened the popup on
 * it); a refusal means a browser page, the extension store, or a tab the grant doesn't cover.
 */
export async function checkTrackable(tabId: number): Promise<TrackableCheck> {
  let href: unknown;
  try {
    [{ result: href } = { result: undefined }] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => location.href,
    });
  } catch {
    return { state: 'unavailable', message: CANNOT_READ_MESSAGE };
  }
  let url: URL;
  try {
    url = new URL(String(href));
  } catch {
    return { state: 'unavailable', message: NOTHING_READABLE_MESSAGE };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { state: 'unavailable', message: CANNOT_READ_MESSAGE };
  return isMarketplaceUrl(url.href) ? { state: 'marketplace' } : { state: 'ready' };
}
