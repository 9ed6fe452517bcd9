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
import { BADGE_INSET, chooseBadgeCorner, type Box, type Corner } from './placement';

/** What a mark must not cover on a card: its avatar and pictures, its links (the name), its buttons. */
const CARD_CONTENT = 'img, a[href], button';

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
}

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
    const view = doc.defaultView;
    // The badge sits in the card's corner; a static card would let it float off elsewhere.
    const isStatic = toPlace.map(([card]) => view?.getComputedStyle(card).position === 'static');
    // The corner that covers none of the card's avatar, name link or buttons (all read before any write).
    const corners = toPlace.map(([card]) =>
      chooseBadgeCorner(boxOf(card), BADGE_SIZE, [...card.querySelectorAll(CARD_CONTENT)].map(boxOf)),
    );
    toPlace.forEach(([card, host], i) => {
      if (isStatic[i]) (card as HTMLElement).style.position = 'relative';
      placeInCorner(host, corners[i]!);
      card.prepend(host);
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

  return {
    update(cards) {
      if (disposed) return;
      prune();
      for (const { element, profile } of cards) {
        const before = keyOf.get(element);
        keyOf.set(element, profile.key);
        profileOf.set(element, profile);
        const host = hosts.get(element);
        // Same element now showing someone else (recycled card), or the site's re-render dropped our host.
        if ((before !== undefined && before !== profile.key) || (host && host.parentNode !== element)) batcher.forget(element);
      }
      batcher.add(cards.map((c) => c.element));
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
