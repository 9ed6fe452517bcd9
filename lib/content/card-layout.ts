/**
 * Where a badge may sit on a card: the card's box, the boxes of what the mark must not cover, and
 * whether the card is positioned. Read after the browser's own next layout through an
 * IntersectionObserver, which reports every target's box without forcing a layout: reading
 * getBoundingClientRect right after the page added a card forced one per batch, and on a page of
 * 10,000 cards that was most of what Vetted cost it (issue 12, attack 13: 4.9 s of 10 s blocked in
 * Firefox with the forced reads, 0.7 s without, the same as with Vetted off).
 */
import type { Box } from './placement';

/** What a mark must not cover on a card: its avatar and pictures, its links (the name), its buttons. */
export const CARD_CONTENT = 'img, a[href], button';

export interface CardLayout {
  card: Box;
  content: Box[];
  isStatic: boolean;
}

/** Reads the layout of `cards`, all before the caller writes anything. */
export type MeasureCards = (cards: readonly Element[]) => Promise<CardLayout[]>;

/** If the observer has not reported by then (a frame never rendered), the rest is read at once. */
const OBSERVER_PATIENCE_MS = 1_000;

const toBox = (r: DOMRectReadOnly): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

/** Reads now: forces a layout when the page changed since the last one. */
export function measureNow(view: Window | null): MeasureCards {
  return async (cards) => read(view, cards, contentOf(cards), (el) => toBox(el.getBoundingClientRect()));
}

/** Reads after the browser's next layout (no forced layout); falls back to reading now. */
export function measureAfterLayout(view: Window & typeof globalThis): MeasureCards {
  if (typeof view.IntersectionObserver !== 'function') return measureNow(view);
  return (cards) =>
    new Promise((resolve) => {
      const content = contentOf(cards);
      const targets = new Set<Element>([...cards, ...content.flat()]);
      const boxes = new Map<Element, Box>();
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        observer.disconnect();
        view.clearTimeout(patience);
        // Style is clean right after a layout: the position reads cost nothing more.
        resolve(read(view, cards, content, (el) => boxes.get(el) ?? toBox(el.getBoundingClientRect())));
      };
      const observer = new view.IntersectionObserver((entries) => {
        for (const e of entries) if (!boxes.has(e.target)) boxes.set(e.target, toBox(e.boundingClientRect));
        if (boxes.size >= targets.size) finish();
      });
      const patience = view.setTimeout(finish, OBSERVER_PATIENCE_MS);
      if (targets.size === 0) return finish();
      for (const el of targets) observer.observe(el);
    });
}

/** Each card's avatar, pictures, links and buttons, found once per measure. */
const contentOf = (cards: readonly Element[]) => cards.map((card) => [...card.querySelectorAll(CARD_CONTENT)]);

function read(view: Window | null, cards: readonly Element[], content: Element[][], boxOf: (el: Element) => Box): CardLayout[] {
  return cards.map((card, i) => ({
    card: boxOf(card),
    content: content[i]!.map(boxOf),
    isStatic: view?.getComputedStyle(card).position === 'static',
  }));
}
