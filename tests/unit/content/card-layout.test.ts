/**
 * A card's layout for its mark is read from an IntersectionObserver's report after the browser's
 * own layout, not from getBoundingClientRect (which forces a layout after each page change).
 */
import { describe, expect, it, vi } from 'vitest';
import { measureAfterLayout } from '../../../lib/content/card-layout';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;

/** The window, with an observer that reports the given boxes on the next task, as a browser does after a frame. */
function viewReporting(boxes: Map<Element, DOMRect>, { silent = false } = {}) {
  const observed: Element[] = [];
  class FakeObserver {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(el: Element) {
      observed.push(el);
      if (observed.length === 1 && !silent)
        setTimeout(() =>
          this.callback(observed.map((t) => ({ target: t, boundingClientRect: boxes.get(t) ?? rect(0, 0, 0, 0) })) as never, this as never),
        );
    }
    disconnect() {}
  }
  const view = Object.assign(Object.create(window) as Window & typeof globalThis, {
    IntersectionObserver: FakeObserver,
    getComputedStyle: window.getComputedStyle.bind(window),
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
  });
  return { view, observed };
}

describe('card layout for marks', () => {
  it('takes every box from the observer, forcing no layout, and reads the position too', async () => {
    const card = document.body.appendChild(document.createElement('article'));
    card.style.position = 'static';
    const avatar = card.appendChild(document.createElement('img'));
    const name = Object.assign(card.appendChild(document.createElement('a')), { href: 'https://www.fiverr.com/x' });
    const forced = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const { view, observed } = viewReporting(
      new Map([
        [card, rect(10, 20, 300, 100)],
        [avatar, rect(14, 24, 40, 40)],
        [name, rect(60, 24, 80, 16)],
      ]),
    );
    const [layout] = await measureAfterLayout(view)([card]);
    expect(observed).toEqual([card, avatar, name]);
    expect(forced).not.toHaveBeenCalled();
    expect(layout).toEqual({
      card: { left: 10, top: 20, width: 300, height: 100 },
      content: [
        { left: 14, top: 24, width: 40, height: 40 },
        { left: 60, top: 24, width: 80, height: 16 },
      ],
      isStatic: true,
    });
  });

  it('reads at once what the observer never reported (a page that never renders a frame)', async () => {
    vi.useFakeTimers();
    try {
      const card = document.body.appendChild(document.createElement('article'));
      card.getBoundingClientRect = () => rect(1, 2, 3, 4);
      const { view } = viewReporting(new Map(), { silent: true });
      const pending = measureAfterLayout(view)([card]);
      await vi.advanceTimersByTimeAsync(1_000);
      expect((await pending)[0]!.card).toEqual({ left: 1, top: 2, width: 3, height: 4 });
    } finally {
      vi.useRealTimers();
    }
  });
});
