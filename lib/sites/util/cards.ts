/**
 * Finds contractor cards in one pass over the page's links, without relying on class names:
 * every link that points to a contractor is mapped to its id, links are grouped per card, and a
 * card's element is either the closest `cardSelector` ancestor (when the site offers a stable
 * hook) or the largest ancestor of its links that holds no link of the neighbouring cards.
 */
export interface FoundCard {
  element: Element;
  id: string;
  anchors: HTMLAnchorElement[];
}

export interface CardOptions {
  /** Attribute that marks a card element (e.g. `data-gig-id`); when absent or unmatched the link structure decides. */
  cardAttribute?: string;
  /** Ids never taken as cards (the profile the page is about). */
  exclude?: string | null;
}

const CHROME_TAGS = new Set(['HEADER', 'NAV', 'FOOTER']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo']);

/**
 * One walk up from the link: the card hook if any, else whether the link sits in page chrome
 * (header, navigation, footer), whose links are never cards. Plain property reads: this runs
 * for every link of the page, so no selector matching here.
 */
function placeOf(a: Element, attr: string | undefined): Element | 'chrome' | null {
  for (let el: Element | null = a.parentElement; el; el = el.parentElement) {
    if (attr && el.hasAttribute(attr)) return el;
    if (CHROME_TAGS.has(el.tagName)) return 'chrome';
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return 'chrome';
  }
  return null;
}

export function findCards(doc: Document, idOfLink: (a: HTMLAnchorElement) => string | null, opts: CardOptions = {}): FoundCard[] {
  const groups: { id: string; anchors: HTMLAnchorElement[]; hooked: Element | null }[] = [];
  const byHook = new Map<Element, (typeof groups)[number]>();
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const id = idOfLink(a);
    if (!id || id === opts.exclude) continue;
    const place = placeOf(a, opts.cardAttribute);
    if (place === 'chrome') continue;
    const hooked = place;
    if (hooked) {
      const g = byHook.get(hooked);
      if (!g) {
        const ng = { id, anchors: [a], hooked };
        byHook.set(hooked, ng);
        groups.push(ng);
      } else if (g.id === id) g.anchors.push(a);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && !last.hooked && last.id === id) last.anchors.push(a);
    else groups.push({ id, anchors: [a], hooked: null });
  }
  return groups.map((g, i) => ({
    id: g.id,
    anchors: g.anchors,
    element: g.hooked ?? boundary(g.anchors, groups[i - 1]?.anchors, groups[i + 1]?.anchors),
  }));
}

/** Child of the lowest common ancestor of `a` and `b` that contains `a`. */
function branchUnderCommon(a: Element, b: Element): Element {
  let node: Element = a;
  while (node.parentElement && !node.parentElement.contains(b)) node = node.parentElement;
  return node;
}

function boundary(own: HTMLAnchorElement[], prev?: HTMLAnchorElement[], next?: HTMLAnchorElement[]): Element {
  const first = own[0] as Element;
  const candidates: Element[] = [];
  const p = prev?.[prev.length - 1];
  const n = next?.[0];
  if (p) candidates.push(branchUnderCommon(first, p));
  if (n) candidates.push(branchUnderCommon(first, n));
  if (candidates.length === 0) return first.parentElement?.parentElement ?? first;
  // The deeper candidate is the one that excludes both neighbours.
  return candidates.reduce((a, b) => (a.contains(b) ? b : a));
}
