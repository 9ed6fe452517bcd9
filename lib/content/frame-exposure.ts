/**
 * Whether the marketplace page shows Vetted's overlay frame whole (issue 12, attack 4:
 * clickjacking). The overlay asks before it acts on a click or a key where the browser cannot tell
 * it (Firefox has no IntersectionObserver v2): nothing may cover, fade, clip or transform it.
 *
 * Why these checks are enough to catch a cover that ignores the pointer (`pointer-events: none`,
 * invisible to hit testing): the frame's holder is the last child of <html>, at the highest
 * z-index, in the root stacking context. Anything painted over it must then be
 * - after it in tree order (a later child of <html>, or inside one), or
 * - in the top layer (a popover, a modal dialog, a fullscreen element), or
 * - the page's own content under a faded or transformed <html>;
 * and each of those is looked for here. Hit testing at five points catches the rest.
 */

export interface Exposure {
  exposed: boolean;
  reason?: string;
}

const NEUTRAL: Readonly<Record<string, (v: string) => boolean>> = {
  opacity: (v) => v === '1',
  visibility: (v) => v === 'visible',
  filter: (v) => v === 'none',
  transform: (v) => v === 'none',
  'clip-path': (v) => v === 'none',
  'mix-blend-mode': (v) => v === 'normal',
};

function styleProblem(el: Element, win: Window, own: boolean): string | null {
  const s = win.getComputedStyle(el);
  for (const [prop, ok] of Object.entries(NEUTRAL)) {
    // <html> may be transformed by nothing but the page; a mask is checked on the frame itself.
    if (!ok(s.getPropertyValue(prop))) return `${own ? 'the panel' : 'the page'} has ${prop}: ${s.getPropertyValue(prop)}`;
  }
  if (own) {
    const mask = s.getPropertyValue('mask-image') || s.getPropertyValue('-webkit-mask-image');
    if (mask && mask !== 'none') return 'the panel is masked';
  }
  return null;
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && a.height > 0;

function topLayer(doc: Document): Element[] {
  const found: Element[] = [];
  for (const sel of [':modal', ':popover-open', ':fullscreen']) {
    try {
      found.push(...doc.querySelectorAll(sel));
    } catch {
      // A pseudo-class this browser does not know.
    }
  }
  return found;
}

export function frameExposure(iframe: HTMLIFrameElement, holder: HTMLElement, doc: Document = document): Exposure {
  const win = doc.defaultView ?? window;
  const html = doc.documentElement;
  if (!iframe.isConnected || holder.parentElement !== html) return { exposed: false, reason: 'the panel is not on the page' };
  for (const [el, own] of [
    [iframe, true],
    [holder, true],
    [html, false],
  ] as const) {
    const problem = styleProblem(el, win, own);
    if (problem) return { exposed: false, reason: problem };
  }
  const rect = iframe.getBoundingClientRect();
  if (rect.width <= 0 || rect.height <= 0) return { exposed: false, reason: 'the panel has no size' };
  // Painted later than the frame: elements after its holder, and the top layer.
  let after = holder.nextElementSibling;
  while (after) {
    if (overlaps(after.getBoundingClientRect(), rect)) return { exposed: false, reason: 'the page put something over the panel' };
    for (const child of after.querySelectorAll('*')) {
      if (overlaps(child.getBoundingClientRect(), rect)) return { exposed: false, reason: 'the page put something over the panel' };
    }
    after = after.nextElementSibling;
  }
  for (const el of topLayer(doc)) {
    if (el !== iframe && !holder.contains(el) && overlaps(el.getBoundingClientRect(), rect)) {
      return { exposed: false, reason: 'the page opened something over the panel' };
    }
  }
  // Hit testing inside the visible part of the frame.
  const left = Math.max(rect.left, 0);
  const right = Math.min(rect.right, win.innerWidth);
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, win.innerHeight);
  if (right - left < 8 || bottom - top < 8) return { exposed: false, reason: 'the panel is off the screen' };
  const inset = 4;
  const points: [number, number][] = [
    [(left + right) / 2, (top + bottom) / 2],
    [left + inset, top + inset],
    [right - inset, top + inset],
    [left + inset, bottom - inset],
    [right - inset, bottom - inset],
  ];
  for (const [x, y] of points) {
    if (doc.elementFromPoint(x, y) !== iframe) return { exposed: false, reason: 'the page put something over the panel' };
  }
  return { exposed: true };
}
