/**
 * A page's embedded state (JSON in a script, JSON-LD, Nuxt's `__NUXT__`) is parsed once per visit,
 * not on every read of the page: a page can carry 16–20 MB of it and add a card every 50 ms
 * (issue 12, attack 13). A parse is kept for its script element while the script's text is the
 * same node with the same length (checked in O(1) for the usual single text child); the content
 * script forgets everything when a new visit (a navigation) begins.
 */
type Kept = { node: Node | null; length: number; value: unknown };

let kept = new WeakMap<Element, Map<string, Kept>>();

/** Forgets every parse: the next read of each script parses it again. */
export function forgetPageState(): void {
  kept = new WeakMap();
}

/** The text's identity and length, without copying a big text when the script has one text child. */
function fingerprint(el: Element): { node: Node | null; length: number; text: () => string } {
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3) {
    const t = only as Text;
    return { node: t, length: t.length, text: () => t.data };
  }
  const text = el.textContent ?? '';
  return { node: only, length: text.length, text: () => text };
}

/** `compute(text of el)`, kept per element and `purpose` until the element's text changes or the visit ends. */
export function oncePerText<T>(el: Element, purpose: string, compute: (text: string) => T): T {
  const f = fingerprint(el);
  let byPurpose = kept.get(el);
  const hit = byPurpose?.get(purpose);
  if (hit && hit.node === f.node && hit.length === f.length) return hit.value as T;
  const value = compute(f.text());
  if (!byPurpose) kept.set(el, (byPurpose = new Map()));
  byPurpose.set(purpose, { node: f.node, length: f.length, value });
  return value;
}
