/** Small DOM readers shared by the adapters. All return undefined instead of throwing. */
import { oncePerText } from './parse-once';

/** Visible-ish text of an element, whitespace collapsed; undefined when empty. */
export function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Text of the first element matching one of `selectors` (tried in order: most stable first). */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const s of selectors) {
    const t = text(root.querySelector(s));
    if (t) return t;
  }
  return undefined;
}

/** `<meta property=…>` or `<meta name=…>` content. */
export function meta(doc: Document, key: string): string | undefined {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : undefined;
}

export function canonicalHref(doc: Document): string | undefined {
  return doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || undefined;
}

/** Absolute http(s) URL for `href` relative to `base`, or undefined. */
export function absoluteUrl(href: string | null | undefined, base: URL | string): URL | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the JSON inside `<script type="application/json">` found by `selector`; undefined if absent or invalid. */
export function jsonScript(doc: Document, selector: string, decode?: (raw: string) => string): unknown {
  const el = doc.querySelector(selector);
  if (!el) return undefined;
  // Parsed once per visit (util/parse-once.ts); callers only read the result.
  return oncePerText(el, decode ? `json:${decode.name}` : 'json', (raw) => {
    if (!raw) return undefined;
    try {
      return JSON.parse(decode ? decode(raw) : raw) as unknown;
    } catch {
      return undefined;
    }
  });
}

/** Safe property path read on untyped JSON: `at(obj, 'seller', 'user', 'name')`. */
export function at(obj: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.replace(/\s+/g, ' ').trim();
    return t ? t : undefined;
  }
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

export function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v.replace(/,/g, '')) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** `o` without its undefined fields, so spreading it never overwrites a value read elsewhere. */
export function defined<T extends object>(o: T | undefined): Partial<T> {
  return o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>) : {};
}
