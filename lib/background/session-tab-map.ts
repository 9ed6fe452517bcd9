/**
 * A per-tab map kept in memory and in storage.session (when the browser has it), so a restarted
 * service worker still knows what it knew: the base of TabContexts and OverlayBindings.
 */
import { browser } from 'wxt/browser';

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

function sessionArea(): SessionArea | undefined {
  try {
    return (browser.storage as unknown as { session?: SessionArea } | undefined)?.session;
  } catch {
    return undefined;
  }
}

export class SessionTabMap<T> {
  protected readonly map = new Map<number, T>();
  private restored: Promise<void> | undefined;

  constructor(private readonly storageKey: string) {}

  /** Loads what a previous service-worker instance saved (once). */
  protected restore(): Promise<void> {
    this.restored ??= (async () => {
      try {
        const saved = (await sessionArea()?.get(this.storageKey))?.[this.storageKey];
        if (saved && typeof saved === 'object') {
          for (const [id, value] of Object.entries(saved as Record<string, T>)) {
            if (!this.map.has(Number(id))) this.map.set(Number(id), value);
          }
        }
      } catch {
        // No session storage (older Firefox): memory only.
      }
    })();
    return this.restored;
  }

  protected async persist(): Promise<void> {
    try {
      await sessionArea()?.set({ [this.storageKey]: Object.fromEntries(this.map) });
    } catch {
      // Memory still holds it.
    }
  }

  async get(tabId: number): Promise<T | undefined> {
    await this.restore();
    return this.map.get(tabId);
  }
}
