/**
 * Marks on listing cards: new cards are batched, each batch costs one `getBadges` request for
 * the keys not already known, and every recognised card gets a mark of the same size, tracked or
 * not (issue 12: which cards are tracked must not show to the page). The mark is also a one-click
 * shortlist (`onShortlist`).
 */
import type { BadgeSummary } from '../messaging/protocol';
import type { ProfileSnapshot } from '../db/schema';
import type { ListingCard } from '../sites';
import { BADGE_SIZE, BADGE_TAG, badgeAction, createBadgeHost, renderBadge } from './badge';
import { createCardBatcher, type Scheduler } from './card-batcher';
import { measureAfterLayout, measureNow, type MeasureCards } from './card-layout';
import { BADGE_INSET, chooseBadgeCorner, type Corner } from './placement';

/** How often cards from added nodes may make the controller look for removed cards. */
const PRUNE_EVERY_MS = 1_000;

/** Moves a mark to `corner` of its card (inline, !important: page rules can't move it). */
function placeInCorner(host: HTMLElement, corner: Corner): void {
  const [v, h] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    host.style.setProperty(side, side === v || side === h ? `${BADGE_INSET}px` : 'auto', 'important');
  }
}

/** Resolves to the summaries the background returned, or null when it could not be asked. */
export type FetchBadges = (keys: string[]) => Promise<Record<string, BadgeSummary> | null>;

export interface BadgeController {
  /** Cards the adapter found on the page now (new ones are batched, known ones re-checked). */
  update(cards: readonly ListingCard[]): void;
  /**
   * Cards found in nodes the page added since it was read. One inside (or around) a card already
   * marked for the same contractor is that card, growing: skipped. False when one sits inside a card
   * known as someone else (a recycled card): then only a full reading of the page can tell.
   */
  add(cards: readonly ListingCard[]): boolean;
  /** Asks again for the given keys (all on the page when omitted) and redraws. */
  refresh(keys?: readonly string[]): Promise<void>;
  /** Removes every badge and forgets every card (navigation, site switched off). */
  clear(): void;
  /** clear(), and nothing is drawn any more (extension reloaded). */
  dispose(): void;
  /** Batches flushed so far (one request at most each): for tests and diagnostics. */
  readonly batches: number;
}

/** A trusted click on a mark: move that contractor to `next` (creating them from the card when untracked). */
export type OnShortlist = (profile: ProfileSnapshot, next: 'shortlisted' | 'prospect') => void;

export function createBadgeController(
  doc: Document,
  fetchBadges: FetchBadges,
  schedule: Scheduler,
  onShortlist?: OnShortlist,
  /** How cards' boxes are read before marks go in (after the browser's next layout, in a browser). */
  measure: MeasureCards = doc.defaultView ? measureAfterLayout(doc.defaultView) : measureNow(null),
): BadgeController {
  const keyOf = new Map<Element, string>();
  const profileOf = new Map<Element, ProfileSnapshot>();
  const hosts = new Map<Element, HTMLElement>();
  /** null: asked, and the user has no data about this contractor. */
  const known = new Map<string, BadgeSummary | null>();
  let generation = 0;
  let batches = 0;
  let disposed = false;

  /**
   * Draws the badges of a batch of cards. Reads every card's computed position before inserting any
   * badge: reading after each insertion forced one style recalculation per card, which was most of
   * the time to badge 100 new cards on the Fiverr capture (CPU profile, npm run bench).
   */
  const renderCards = (cards: Iterable<Element>) => {
    if (disposed) return;
    const toPlace: [Element, HTMLElement][] = [];
    for (const card of cards) {
      const key = keyOf.get(card);
      let host = hosts.get(card);
      // Not asked yet (or the answer was lost): no mark yet; asked: a mark whatever the answer.
      if (!key || !known.has(key) || !card.isConnected) {
        host?.remove();
        hosts.delete(card);
        continue;
      }
      const summary = known.get(key) ?? null;
      if (host && host.dataset.key !== key) {
        host.remove();
        host = undefined;
      }
      if (!host) {
        host = createBadgeHost(doc, key, (shown) => {
          const profile = profileOf.get(card);
          const next = badgeAction(shown).next;
          if (profile && next) onShortlist?.(profile, next);
        });
        hosts.set(card, host);
      }
      renderBadge(host, summary);
      if (host.parentNode !== card) toPlace.push([card, host]);
    }
    if (toPlace.length === 0) return;
    const gen = generation;
    // Every card's layout is read before any mark goes in (one read per card inserted would force one
    // style recalculation each: most of the time to badge 100 new cards on the Fiverr capture).
    void measure(toPlace.map(([card]) => card)).then((layouts) => {
      if (disposed || gen !== generation) return;
      toPlace.forEach(([card, host], i) => {
        const { card: box, content, isStatic } = layouts[i]!;
        if (!card.isConnected || hosts.get(card) !== host) return;
        // The badge sits in the card's corner; a static card would let it float off elsewhere.
        if (isStatic) (card as HTMLElement).style.position = 'relative';
        // The corner that covers none of the card's avatar, name link or buttons.
        placeInCorner(host, chooseBadgeCorner(box, BADGE_SIZE, content));
        card.prepend(host);
      });
    });
  };

  /** Learns the summaries of `keys`; false when the answer is stale or missing. */
  const learn = async (keys: readonly string[]): Promise<boolean> => {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return true;
    const gen = generation;
    const reply = await fetchBadges(unique);
    if (!reply || gen !== generation || disposed) return false;
    for (const key of unique) known.set(key, reply[key] ?? null);
    return true;
  };

  const batcher = createCardBatcher<Element>({
    schedule,
    onBatch: (cards) => {
      batches++;
      const gen = generation;
      const missing = cards.map((c) => keyOf.get(c)).filter((k): k is string => !!k && !known.has(k));
      void learn(missing).then((ok) => {
        if (ok && gen === generation) renderCards(cards);
      });
    },
  });

  const prune = () => {
    for (const card of [...keyOf.keys()]) {
      if (card.isConnected) continue;
      keyOf.delete(card);
      profileOf.delete(card);
      hosts.get(card)?.remove();
      hosts.delete(card);
      batcher.forget(card);
    }
  };

  const clear = () => {
    generation++;
    batcher.reset();
    for (const host of hosts.values()) host.remove();
    hosts.clear();
    keyOf.clear();
    profileOf.clear();
    known.clear();
    // Hosts left behind by a previous instance of the content script (extension updated).
    doc.querySelectorAll(BADGE_TAG).forEach((el) => el.remove());
  };

  /** The marked card that holds `el` (or is it), if any. */
  const cardAround = (el: Element): Element | null => {
    for (let n: Element | null = el; n; n = n.parentElement) if (keyOf.has(n)) return n;
    return null;
  };

  let prunedAt = -Infinity;
  const update = (cards: readonly ListingCard[], fromAdded = false) => {
    if (disposed) return;
    // Cards from added nodes arrive one by one on a growing list: forgetting removed cards checks
    // every card known (10,000 DOM calls, slow through Firefox's wrappers), so at most once a second.
    const now = performance.now();
    if (!fromAdded || now - prunedAt > PRUNE_EVERY_MS) {
      prunedAt = now;
      prune();
    }
    for (const { element, profile } of cards) {
      const before = keyOf.get(element);
      keyOf.set(element, profile.key);
      profileOf.set(element, profile);
      const host = hosts.get(element);
      // Same element now showing someone else (recycled card), or the site's re-render dropped our host.
      if ((before !== undefined && before !== profile.key) || (host && host.parentNode !== element)) batcher.forget(element);
    }
    batcher.add(cards.map((c) => c.element));
  };

  return {
    update: (cards) => update(cards),
    add(cards) {
      if (disposed) return true;
      const fresh: ListingCard[] = [];
      for (const card of cards) {
        const around = cardAround(card.element);
        // The same element (a card the site keys itself, re-filled): update() re-checks its key.
        if (around && around !== card.element) {
          if (keyOf.get(around) !== card.profile.key) return false;
          continue;
        }
        // A wrapper the page put around a card it moved: the card inside is already marked.
        const inner = [...card.element.querySelectorAll<HTMLElement>(BADGE_TAG)];
        if (!around && inner.some((h) => h.dataset.key === card.profile.key)) continue;
        fresh.push(card);
      }
      update(fresh, true);
      return true;
    },
    async refresh(keys) {
      if (disposed) return;
      prune();
      const onPage = new Set(keyOf.values());
      const wanted = keys ? keys.filter((k) => onPage.has(k)) : [...onPage];
      if (wanted.length === 0) return;
      if (!(await learn(wanted))) return;
      const set = new Set(wanted);
      renderCards([...keyOf].filter(([, key]) => set.has(key)).map(([card]) => card));
    },
    clear,
    dispose() {
      clear();
      disposed = true;
      batcher.dispose();
    },
    get batches() {
      return batches;
    },
  };
}
