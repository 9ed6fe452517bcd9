/**
 * A per-tab map kept in memory and in storage.session (when the browser has it), so a restarted
 * service worker still knows what it knew: the base of TabContexts and OverlayBindings.
 */
/** A storage.session item holding the map (lib/background/stored-items.ts). */
export interface SessionItem {
  getValue(): Promise<Record<string, unknown>>;
  setValue(value: Record<string, unknown>): Promise<void>;
}

export class SessionTabMap<T> {
  protected readonly map = new Map<number, T>();
  private restored: Promise<void> | undefined;

  constructor(private readonly item: SessionItem) {}

  /** Loads what a previous service-worker instance saved (once). */
  protected restore(): Promise<void> {
    this.restored ??= (async () => {
      try {
        const saved = await this.item.getValue();
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
      await this.item.setValue(Object.fromEntries(this.map));
    } catch {
      // Memory still holds it.
    }
  }

  async get(tabId: number): Promise<T | undefined> {
    await this.restore();
    return this.map.get(tabId);
  }
}
