import { afterEach, describe, expect, it, vi } from 'vitest';
import { measureAvoidLater } from '../../../lib/content/overlay-frame';

/**
 * A stand-in IntersectionObserver: records what is observed and lets the test deliver the first
 * report the way the browser does after its next layout.
 */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(
    rect: (el: Element) => { left: number; top: number; width: number; height: number },
    rootBounds: { width: number; height: number } | null,
  ) {
    this.callback(
      this.observed.map((target) => ({
        target,
        boundingClientRect: rect(target) as DOMRectReadOnly,
        rootBounds: rootBounds as DOMRectReadOnly | null,
      })),
    );
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  FakeObserver.last = null;
});

describe('measureAvoidLater', () => {
  it('reports the visible hire buttons and the viewport from the first report, then stops observing', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    document.body.innerHTML = '<button data-qa="hire">Hire</button><button data-qa="hire" id="hidden">Hire</button><p>text</p>';
    const done = vi.fn();
    measureAvoidLater(document, ['[data-qa="hire"]'], done);
    const observer = FakeObserver.last!;
    // The root element is watched too, so a report comes even with no button on the page.
    expect(observer.observed).toContain(document.documentElement);
    expect(done).not.toHaveBeenCalled();

    observer.report(
      (el) =>
        el.id === 'hidden'
          ? { left: 0, top: 0, width: 0, height: 0 }
          : el === document.documentElement
            ? { left: 0, top: 0, width: 1280, height: 5000 }
            : { left: 1100, top: 300, width: 120, height: 40 },
      { width: 1265, height: 800 },
    );
    expect(done).toHaveBeenCalledWith([{ left: 1100, top: 300, width: 120, height: 40 }], { width: 1265, height: 800 });
    expect(observer.disconnected).toBe(true);
  });

  it('reports no boxes for a selector the page cannot parse, and falls back to the window size without root bounds', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const done = vi.fn();
    measureAvoidLater(document, ['[[not a selector'], done);
    const observer = FakeObserver.last!;
    expect(observer.observed).toEqual([document.documentElement]);
    observer.report(() => ({ left: 0, top: 0, width: 1280, height: 5000 }), null);
    expect(done).toHaveBeenCalledWith([], { width: window.innerWidth, height: window.innerHeight });
  });
});
