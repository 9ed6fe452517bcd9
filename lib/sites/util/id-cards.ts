/**
 * Cards found by the contractor id they carry, not by their link structure: any element whose
 * link or `data-*` attribute holds an id is a carrier, and a card's container is the largest
 * ancestor of its carriers that holds no other contractor's id (so it never spans two cards).
 * Also the rule-7 guard (DESIGN.md): text read for one contractor must not come from inside
 * another contractor's card.
 */
export interface IdCard {
  id: string;
  element: Element;
  /** A link of the card that points to the contractor, if any (for the profile URL). */
  href?: string;
}

const CHROME = 'header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"]';
const MIXED = '*';

/**
 * `idOfHref` maps an href to an id (null: not a contractor link); `idOfData` maps a `data-*`
 * attribute value to an id. One walk over the page's elements; links in page chrome are ignored.
 */
export function cardsById(
  doc: Document,
  idOfHref: (href: string) => string | null,
  idOfData: (value: string) => string | null,
  exclude?: string | null,
  /** Elements a card never grows into (a slider over the list: its similar freelancers stay inside it). */
  boundary?: string,
  /**
   * Only the cards inside these elements (nodes the page added since it was last read), each card
   * at most as large as the added element that holds it: the rest of the page is not walked.
   */
  within?: readonly Element[],
): IdCard[] {
  const body = doc.body;
  if (!body) return [];
  /** Each walked subtree, and the element its cards may not grow into (they stop below it). */
  const scopes: { top: Element; limit: Element | null }[] = within
    ? within.filter((r) => !r.closest(CHROME)).map((r) => ({ top: r, limit: r.parentElement }))
    : [{ top: body, limit: body }];
  // Page chrome and every ancestor of it, found once: a card never reaches into or above them.
  const chrome = scopes.flatMap(({ top }) => [...top.querySelectorAll(CHROME)]);
  const aboveChrome = new Set<Element>();
  for (const c of chrome) for (let n = c.parentElement; n && !aboveChrome.has(n); n = n.parentElement) aboveChrome.add(n);
  const stops = new Set<Element>();
  if (boundary) {
    for (const { top } of scopes) {
      if (within && top.matches(boundary)) stops.add(top);
      for (const s of top.querySelectorAll(boundary)) stops.add(s);
    }
  }
  const order: string[] = [];
  const carriers = new Map<string, { els: Element[]; limits: (Element | null)[]; href?: string }>();
  const visit = (el: Element, limit: Element | null) => {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      const isHref = a.name === 'href';
      if (!isHref && !a.name.startsWith('data-')) continue;
      const id = isHref ? idOfHref(a.value) : a.value.length < 400 ? idOfData(a.value) : null;
      if (!id || id === exclude || insideAny(el, chrome)) continue;
      let c = carriers.get(id);
      if (!c) {
        c = { els: [], limits: [] };
        carriers.set(id, c);
        order.push(id);
      }
      c.els.push(el);
      c.limits.push(limit);
      if (isHref && c.href === undefined) c.href = a.value;
      break;
    }
  };
  for (const { top, limit } of scopes) {
    if (within) visit(top, limit);
    for (const el of top.getElementsByTagName('*')) visit(el, limit);
  }
  // Mark every ancestor with the one id below it, or MIXED once two ids meet.
  const owner = new Map<Element, string>();
  for (const [id, c] of carriers) {
    c.els.forEach((el, i) => {
      const limit = c.limits[i];
      let mixed = false;
      for (let n: Element | null = el; n && n !== limit; n = n.parentElement) {
        const o = owner.get(n);
        if (o === MIXED || (o === id && !mixed)) break;
        if (o !== undefined && o !== id) mixed = true;
        owner.set(n, mixed ? MIXED : id);
      }
    });
  }
  return order.map((id) => {
    const c = carriers.get(id)!;
    let el = c.els[0]!;
    const limit = c.limits[0];
    while (
      el.parentElement &&
      el.parentElement !== limit &&
      owner.get(el.parentElement) === id &&
      !aboveChrome.has(el.parentElement) &&
      !stops.has(el.parentElement)
    ) {
      el = el.parentElement;
    }
    return { id, element: el, href: c.href };
  });
}

/** True when `el` sits inside one of `foreign` (another contractor's card). */
export function insideAny(el: Element, foreign: readonly Element[]): boolean {
  return foreign.some((f) => f.contains(el));
}

/** Text of the first match of `selectors` (in order) under `root` that is not inside a `foreign` card. */
export function ownText(root: ParentNode, selectors: readonly string[], foreign: readonly Element[]): string | undefined {
  for (const s of selectors) {
    for (const el of root.querySelectorAll(s)) {
      if (insideAny(el, foreign)) continue;
      const t = el.textContent?.replace(/\s+/g, ' ').trim();
      if (t) return t;
    }
  }
  return undefined;
}
