// Each marketplace page loads one content script carrying only its own adapter (bundle size and
// parse time on every marketplace page): checked on the source import graph and on behaviour.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKETPLACE_IDS } from '../../../lib/db/schema';
import { ADAPTERS, keyFromUrl, MARKETPLACE_MATCHES, readPage, siteMatches, siteReader } from '../../../lib/sites';
import { parseHtml } from './load-capture';

const root = path.resolve(__dirname, '../../..');

/** Files reachable from `entry` by value imports (`import type` is erased from the bundle). */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm)) {
      const spec = m[1] ?? m[2]!;
      const base = path.resolve(path.dirname(file), spec);
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f));
      if (hit) visit(hit);
    }
  };
  visit(entry);
  return new Set([...seen].map((f) => path.relative(root, f).split(path.sep).join('/')));
}

describe('one content script per marketplace', () => {
  it('has exactly one content-script entrypoint per marketplace', () => {
    const scripts = readdirSync(path.join(root, 'entrypoints')).filter((f) => /\.content(\.ts|$)/.test(f));
    expect(scripts.sort()).toEqual(MARKETPLACE_IDS.map((s) => `${s}.content.ts`).sort());
  });

  it.each([...MARKETPLACE_IDS])('%s: its script imports its own adapter and no other, nor the registry', (site) => {
    const graph = importGraph(path.join(root, 'entrypoints', `${site}.content.ts`));
    expect(graph).toContain(`lib/sites/${site}.ts`);
    expect(graph).toContain('lib/content/marketplace-page.ts');
    const others = MARKETPLACE_IDS.filter((s) => s !== site).map((s) => `lib/sites/${s}.ts`);
    for (const f of [...others, 'lib/sites/registry.ts', 'lib/sites/index.ts', 'lib/sites/generic.ts']) expect(graph, f).not.toContain(f);
    expect(readFileSync(path.join(root, 'entrypoints', `${site}.content.ts`), 'utf8')).toContain(`siteMatches('${site}')`);
  });

  it('match patterns: each site its own hosts, all of them together the marketplace list', () => {
    for (const a of ADAPTERS) {
      expect(siteMatches(a.site)).toEqual(a.hosts.map((h) => `*://*.${h}/*`));
    }
    expect([...MARKETPLACE_MATCHES].sort()).toEqual(MARKETPLACE_IDS.flatMap((s) => siteMatches(s)).sort());
  });
});

describe('siteReader', () => {
  const doc = parseHtml('<html><head></head><body><h1>Hi</h1></body></html>', 'https://example.com/');

  it.each(ADAPTERS.map((a) => [a.site, a] as const))("%s reads its own URLs like readPage and no other site's", (_site, adapter) => {
    const reader = siteReader(adapter);
    for (const url of Object.keys(adapter.examples.profiles)) {
      const u = new URL(url);
      expect(reader.keyFromUrl(u)).toEqual(keyFromUrl(u));
      expect(reader.readPage(u, doc)?.profile?.key).toBe(readPage(u, doc)?.profile?.key);
      expect(reader.hireButtonSelectors(u)).toEqual(adapter.hireButtonSelectors);
    }
    for (const other of ADAPTERS.filter((a) => a !== adapter)) {
      const u = new URL(Object.keys(other.examples.profiles)[0]!);
      expect(reader.readPage(u, doc)).toBeNull();
      expect(reader.keyFromUrl(u)).toBeNull();
      expect(reader.hireButtonSelectors(u)).toEqual([]);
    }
  });
});
