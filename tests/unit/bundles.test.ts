// The pages that must open fast (the overlay frame on every profile, the popup, the side panel)
// carry no zod: the schema chunk is ~90 KB of script to fetch, parse and run before first paint.
// Checked on the source import graph: `import type` is erased from the bundle, value imports are not.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

const IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm;

/** Every file and package reachable from `entry` by value imports, each with the file that imported it. */
function importGraph(entry: string): Map<string, string | undefined> {
  const parent = new Map<string, string | undefined>();
  const visit = (file: string, from?: string) => {
    if (parent.has(file)) return;
    parent.set(file, from);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (!spec.startsWith('.')) {
        if (!parent.has(`pkg:${spec}`)) parent.set(`pkg:${spec}`, file);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const hit = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f));
      if (hit) visit(hit, file);
    }
  };
  visit(path.join(root, entry));
  return parent;
}

/** "zod <- lib/db/schema.ts <- ... <- entry": how a package got in, for the failure message. */
function chain(graph: Map<string, string | undefined>, key: string): string {
  const out: string[] = [];
  for (let k: string | undefined = key; k; k = graph.get(k)) out.push(k.startsWith('pkg:') ? k.slice(4) : path.relative(root, k));
  return out.join(' <- ');
}

const FAST_PAGES = ['entrypoints/overlay/main.tsx', 'entrypoints/popup/main.tsx', 'entrypoints/sidepanel/main.tsx'];

describe('fast pages load without zod', () => {
  it.each(FAST_PAGES)('%s imports no zod at runtime', (entry) => {
    const graph = importGraph(entry);
    // The walk must reach the page's components, or an empty graph would pass.
    expect([...graph.keys()].filter((k) => k.includes(`${path.sep}components${path.sep}`)).length).toBeGreaterThan(2);
    const zod = [...graph.keys()].filter((k) => k === 'pkg:zod' || k.startsWith('pkg:zod/'));
    expect(zod.map((k) => chain(graph, k))).toEqual([]);
    expect(graph.has(path.join(root, 'lib/db/schema.ts')), chain(graph, path.join(root, 'lib/db/schema.ts'))).toBe(false);
    expect(graph.has(path.join(root, 'lib/messaging/protocol.ts')), chain(graph, path.join(root, 'lib/messaging/protocol.ts'))).toBe(false);
  });

  it('the walk does find zod where it is meant to be (the options page validates backups)', () => {
    const graph = importGraph('entrypoints/options/main.tsx');
    expect(graph.has('pkg:zod')).toBe(true);
  });
});
