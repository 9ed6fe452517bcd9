/**
 * When sync runs (issue 11): at browser start, 5 s after the last local change, and on an alarm
 * every 15 minutes — only while connected, one sync at a time (SyncService.sync). A failed sync
 * shows in the popup and in Options → Sync;
 * the status row keeps the error in plain words until a good sync clears it.
 *
 * Start-up stays cheap: listeners and one alarms.get; the database is read only when something fires.
 */
import { browser } from 'wxt/browser';
import type { VettedDb } from '../db/database';
import { getConnection } from '../db/repositories/sync-connection';
import type { ChangedTable } from '../messaging/protocol';
import { syncServiceFor, type SyncService, type SyncServiceOptions } from './sync-service';

export const SYNC_ALARM = 'vetted-sync';
export const SYNC_PERIOD_MINUTES = 15;
export const SYNC_DEBOUNCE_MS = 5_000;

export interface SyncScheduler {
  service: SyncService;
  /** After a request's writes (the router's afterWrite): user changes, not sync's own. */
  localChange(tables: readonly ChangedTable[]): void;
  /** Runs a sync now if connected (start-up, alarm). */
  run(reason: string): Promise<void>;
}

export function registerSyncScheduler(db: VettedDb, options: SyncServiceOptions = {}, debounceMs = SYNC_DEBOUNCE_MS): SyncScheduler {
  const service = syncServiceFor(db, options);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async (reason: string) => {
    if (!(await getConnection(db))) return;
    const status = await service.sync();
    if (status.lastError) console.warn(`Vetted: sync (${reason}) failed: ${status.lastError.message}`);
  };
  const runLogged = (reason: string) => void run(reason).catch((err) => console.warn('Vetted: sync failed', err));

  void browser.alarms?.get(SYNC_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES, delayInMinutes: SYNC_PERIOD_MINUTES });
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) runLogged('alarm');
  });
  browser.runtime.onStartup?.addListener(() => runLogged('browser start'));

  return {
    service,
    run,
    localChange(tables) {
      // The connection and status rows are not user data: they change when sync itself runs.
      if (tables.every((t) => t === 'syncConnection')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        runLogged('local change');
      }, debounceMs);
    },
  };
}
