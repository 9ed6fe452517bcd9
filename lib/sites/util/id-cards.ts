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
): IdCard[] {
  const root = doc.body;
  if (!root) return [];
  // Page chrome and every ancestor of it, found once: a card never reaches into or above them.
  const chrome = [...root.querySelectorAll(CHROME)];
  const aboveChrome = new Set<Element>();
  for (const c of chrome) for (let n = c.parentElement; n && !aboveChrome.has(n); n = n.parentElement) aboveChrome.add(n);
  const stops = new Set(boundary ? root.querySelectorAll(boundary) : []);
  const order: string[] = [];
  const carriers = new Map<string, { els: Element[]; href?: string }>();
  for (const el of root.getElementsByTagName('*')) {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      const isHref = a.name === 'href';
      if (!isHref && !a.name.startsWith('data-')) continue;
      const id = isHref ? idOfHref(a.value) : a.value.length < 400 ? idOfData(a.value) : null;
      if (!id || id === exclude || insideAny(el, chrome)) continue;
      let c = carriers.get(id);
      if (!c) {
        c = { els: [] };
        carriers.set(id, c);
        order.push(id);
      }
      c.els.push(el);
      if (isHref && c.href === undefined) c.href = a.value;
      break;
    }
  }
  // Mark every ancestor with the one id below it, or MIXED once two ids meet.
  const owner = new Map<Element, string>();
  for (const [id, c] of carriers) {
    for (const el of c.els) {
      let mixed = false;
      for (let n: Element | null = el; n && n !== root; n = n.parentElement) {
        const o = owner.get(n);
        if (o === MIXED || (o === id && !mixed)) break;
        if (o !== undefined && o !== id) mixed = true;
        owner.set(n, mixed ? MIXED : id);
      }
    }
  }
  return order.map((id) => {
    const c = carriers.get(id)!;
    let el = c.els[0]!;
    while (
      el.parentElement &&
      el.parentElement !== root &&
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
