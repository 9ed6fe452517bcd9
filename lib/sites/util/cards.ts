/**
 * Finds contractor cards in one pass over the page's links, without relying on class names:
 * every link that points to a contractor is mapped to its id, links are grouped per card, and a
 * card's element is either the closest `cardSelector` ancestor (when the site offers a stable
 * hook) or the largest ancestor of its links that holds no link of the neighbouring cards.
 */
import { firstText, text } from './dom';

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
  /**
   * Only the links inside these elements (nodes the page added since it was last read): the rest of
   * the page is not walked, and a card is at most as large as the added element that holds it.
   */
  within?: readonly Element[];
}

const CHROME_TAGS = new Set(['HEADER', 'NAV', 'FOOTER']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo']);

/**
 * Where a link sits: inside a card hook, in page chrome (header, navigation, footer: never
 * cards), or neither. Walks up from the link but remembers every ancestor it classified, so
 * all links together visit each element at most once (attribute reads are slow in some DOMs).
 */
function placer(attr: string | undefined): (a: Element) => Element | 'chrome' | null {
  const memo = new Map<Element, Element | 'chrome' | null>();
  return (a) => {
    const path: Element[] = [];
    let res: Element | 'chrome' | null = null;
    for (let el: Element | null = a.parentElement; el; el = el.parentElement) {
      const known = memo.get(el);
      if (known !== undefined) {
        res = known;
        break;
      }
      path.push(el);
      if (attr && el.hasAttribute(attr)) {
        res = el;
        break;
      }
      const role = el.getAttribute('role');
      if (CHROME_TAGS.has(el.tagName) || (role && CHROME_ROLES.has(role))) {
        res = 'chrome';
        break;
      }
    }
    for (const el of path) memo.set(el, res);
    return res;
  };
}

/** The parts of a URL adapters look at to recognise a profile. */
export type UrlParts = Pick<URL, 'hostname' | 'pathname'>;

// Plain same-site paths ("/tonigdesign?source=gig_cards") need no URL parser: cards repeat hundreds of them.
const PLAIN_PATH = /^\/(?!\/)[\w\-.~/]*(?=[?#]|$)/;

/** Maps links to contractor ids, once per distinct href (a card repeats its links). */
export function linkIds(idFromUrl: (u: UrlParts) => string | null, base: URL): (a: HTMLAnchorElement) => string | null {
  const ofHref = hrefIds(idFromUrl, base);
  return (a) => ofHref(a.getAttribute('href') ?? '');
}

/** Maps hrefs to contractor ids, once per distinct href. */
export function hrefIds(idFromUrl: (u: UrlParts) => string | null, base: URL): (href: string) => string | null {
  const memo = new Map<string, string | null>();
  return (href) => {
    let id = memo.get(href);
    if (id === undefined) {
      const plain = PLAIN_PATH.exec(href)?.[0];
      try {
        id =
          plain !== undefined && !/\/\.\.?(?:\/|$)/.test(plain)
            ? idFromUrl({ hostname: base.hostname, pathname: plain })
            : /^(?:#|javascript:|mailto:|tel:)/i.test(href)
              ? null
              : idFromUrl(new URL(href, base));
      } catch {
        id = null;
      }
      memo.set(href, id);
    }
    return id;
  };
}

export function findCards(doc: Document, idOfLink: (a: HTMLAnchorElement) => string | null, opts: CardOptions = {}): FoundCard[] {
  const groups: { id: string; anchors: HTMLAnchorElement[]; hooked: Element | null; scope: Element | null }[] = [];
  const byHook = new Map<Element, (typeof groups)[number]>();
  const placeOf = placer(opts.cardAttribute);
  const scopes: [Element | null, Iterable<HTMLAnchorElement>][] = opts.within
    ? opts.within.map((r) => [r, r.matches('a[href]') ? [r as HTMLAnchorElement] : r.querySelectorAll<HTMLAnchorElement>('a[href]')])
    : [[null, doc.querySelectorAll<HTMLAnchorElement>('a[href]')]];
  for (const [scope, anchors] of scopes) {
    for (const a of anchors) {
      const id = idOfLink(a);
      if (!id || id === opts.exclude) continue;
      const place = placeOf(a);
      if (place === 'chrome') continue;
      const hooked = place;
      if (hooked) {
        const g = byHook.get(hooked);
        if (!g) {
          const ng = { id, anchors: [a], hooked, scope };
          byHook.set(hooked, ng);
          groups.push(ng);
        } else if (g.id === id) g.anchors.push(a);
        continue;
      }
      const last = groups[groups.length - 1];
      if (last && !last.hooked && last.id === id && last.scope === scope) last.anchors.push(a);
      else groups.push({ id, anchors: [a], hooked: null, scope });
    }
  }
  return groups.map((g, i) => {
    if (g.hooked) return { id: g.id, anchors: g.anchors, element: g.hooked };
    // Neighbours count only inside the same added element: the page around it was not read.
    const near = (n: (typeof groups)[number] | undefined) => (n && n.scope === g.scope ? n.anchors : undefined);
    const prev = near(groups[i - 1]);
    const next = near(groups[i + 1]);
    // Alone in what the page added (a card appended by infinite scroll): the card is that element.
    const element = g.scope && !prev && !next && g.scope.localName !== 'a' ? g.scope : boundary(g.anchors, prev, next);
    return { id: g.id, anchors: g.anchors, element };
  });
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

/**
 * Cards on a site whose cards link to the contractor and show little else we can trust: the id from
 * the link, the name from the link text (or the card's heading), the avatar from its image.
 */
export function linkedCards(
  doc: Document,
  idOfLink: (a: HTMLAnchorElement) => string | null,
  exclude: string | null,
  within?: readonly Element[],
): { id: string; element: Element; href?: string; draft: { name?: string; avatarUrl?: string } }[] {
  return findCards(doc, idOfLink, { exclude, within }).map((c) => ({
    id: c.id,
    element: c.element,
    href: c.anchors[0]?.getAttribute('href') ?? undefined,
    draft: {
      name: c.anchors.map((a) => text(a)).find((t) => t && t.length < 80) ?? firstText(c.element, ['h3', 'h2', 'h4']),
      avatarUrl: c.element.querySelector('img')?.getAttribute('src') ?? undefined,
    },
  }));
}
