/**
 * Background start-up: open the database, ask once for persistent storage, answer requests.
 * Kept out of entrypoints/background.ts so tests can start it against fakeBrowser.
 */
import { browser } from 'wxt/browser';
import { openDb, type VettedDb } from '../db/database';
import type { ChangedTable } from '../messaging/protocol';
import { registerCommands } from './commands';
import { registerReminders, scheduleReminderCheck } from './reminder-alarm';
import { registerSyncScheduler, type SyncScheduler } from './sync-scheduler';
import { createRouter, type Router } from './router';
import { createWordsBackfill } from '../db/note-words-backfill';
import { createFactsRebuild } from '../db/repositories/badge-facts';
import { takeDeferredWords } from '../db/note-words';
import { dashboardSummary } from './dashboard-summary';
import { OverlayBindings } from './overlay-bindings';
import { TabContexts } from './tab-contexts';
import { registerTrackMenu } from './track-menu';

export interface Background {
  db: VettedDb;
  router: Router;
  tabs: TabContexts;
  sync: SyncScheduler;
}

/** Without persistence the browser may evict IndexedDB under storage pressure: ask once. */
async function askPersistence(): Promise<boolean | undefined> {
  try {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!storage?.persist) return undefined;
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return undefined;
  }
}

/** Writes that can change what is due, overdue or over budget (the toolbar badge). */
const REMINDER_TABLES = new Set<ChangedTable>(['projects', 'milestones', 'payments', 'settings']);

export function startBackground(db: VettedDb = openDb()): Background {
  const tabs = new TabContexts();
  const overlays = new OverlayBindings();
  let persisted: boolean | undefined;
  // The scheduler broadcasts what a sync wrote through the router (called only after start-up).
  const sync: SyncScheduler = registerSyncScheduler(db, {
    afterSync: async () => {
      await router.announcePending();
      scheduleReminderCheck(db);
    },
  });
  void askPersistence().then((answer) => (persisted = answer));
  const router = createRouter({
    db,
    tabs,
    overlays,
    persisted: () => persisted,
    afterWrite: (tables) => {
      if (tables.some((t) => REMINDER_TABLES.has(t))) scheduleReminderCheck(db);
      sync.localChange(tables);
    },
  });
  // Return the promise (or undefined for messages that are not requests), as the polyfill expects.
  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));
  // No `tabs` permission needed to hear that a tab closed; its context is then useless.
  browser.tabs?.onRemoved?.addListener((tabId) => {
    void tabs.remove(tabId);
    void overlays.remove(tabId);
  });
  // issue 18: the popup's data is recomputed after writes, not when the popup opens.
  dashboardSummary(db).keepFresh();
  // issue 18: a bulk merge's notes get their search words afterwards (and a worker stopped midway
  // leaves the rest for the next start).
  const words = createWordsBackfill(db, { onError: (err) => console.warn('Vetted: note words backfill', err) });
  // Only after a merge that deferred words: a user's own note save has nothing to fill in.
  db.writes.onCommit(() => {
    if (takeDeferredWords()) void words.kick();
  });
  void words.kick();
  // issue 18: badge facts are rebuilt after a bulk write emptied them, and at start (a new table, or
  // a worker stopped midway).
  const facts = createFactsRebuild(db, { onError: (err) => console.warn('Vetted: badge facts rebuild', err) });
  db.badgeFactsKeeper.onCleared(() => void facts.kick());
  void facts.kick();
  registerReminders(db);
  registerCommands();
  registerTrackMenu(router);
  return { db, router, tabs, sync };
}
