import { at } from './dom';
import { oncePerText } from './parse-once';

/** Every JSON-LD node on the page, `@graph` arrays flattened; invalid blocks are skipped. */
export function jsonLdNodes(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(push);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      const graph = at(v, '@graph');
      if (graph) push(graph);
      const main = at(v, 'mainEntity');
      if (main && typeof main === 'object') push(main);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    // Parsed once per visit (util/parse-once.ts); a broken block (undefined) must not hide the others.
    push(
      oncePerText(s, 'json-ld', (raw) => {
        try {
          return JSON.parse(raw) as unknown;
        } catch {
          return undefined;
        }
      }),
    );
  }
  return out;
}

export function isType(node: Record<string, unknown>, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

export function jsonLdOfType(doc: Document, type: string): Record<string, unknown> | undefined {
  return jsonLdNodes(doc).find((n) => isType(n, type));
}
