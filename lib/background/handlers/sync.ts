/** issue 11: sync requests from the options page (lib/background/sync-service.ts does the work). */
import { browser } from 'wxt/browser';
import type { HandlerGroup } from '../context';
import { serverOriginPattern } from '../../sync/permissions';
import { syncServiceFor } from '../sync-service';

export const syncHandlers: HandlerGroup<'syncConnect' | 'syncNow' | 'syncStatus' | 'syncDisconnect' | 'syncDevices'> = {
  async syncConnect(db, input) {
    const service = syncServiceFor(db);
    await service.connect(input);
    // The first sync runs now: a joining device pulls before it pushes.
    return service.sync();
  },

  async syncNow(db) {
    return syncServiceFor(db).sync();
  },

  async syncStatus(db) {
    return syncServiceFor(db).status();
  },

  async syncDisconnect(db) {
    const result = await syncServiceFor(db).disconnect();
    // Give back the host permission asked for at Connect (nothing else needs the server's origin).
    const origin = result.serverUrl ? serverOriginPattern(result.serverUrl) : null;
    if (origin) {
      try {
        await browser.permissions?.remove({ origins: [origin] });
      } catch {
        // Not granted, or a browser without optional permissions: nothing to give back.
      }
    }
    return result;
  },

  async syncDevices(db) {
    return syncServiceFor(db).devices();
  },
};
