/**
 * Every value Vetted keeps in browser.storage (the user's data is in IndexedDB, lib/db), declared
 * once with WXT's storage items. Keys are the ones earlier versions wrote.
 */
import { storage } from 'wxt/utils/storage';

/** Reminder id → when its notification was shown, so one reminder is not notified twice a day. */
export const notifiedReminders = storage.defineItem<Record<string, number>>('local:notifiedReminders', { fallback: {} });

/** Per-tab maps a restarted service worker must still know (lib/background/session-tab-map.ts). */
export const tabContextsItem = storage.defineItem<Record<string, unknown>>('session:vetted:tab-contexts', { fallback: {} });
export const overlayBindingsItem = storage.defineItem<Record<string, unknown>>('session:vetted:overlay-bindings', { fallback: {} });
