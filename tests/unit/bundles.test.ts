// Extension pages carry no zod and no site adapter: the schema chunk is ~90 KB of script to fetch,
// parse and run before first paint, and only the background validates or reads marketplace pages.
// Checked on the source import graph: `import type` is erased from the bundle, value imports are not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** Every extension page. None validates or reads marketplace pages itself: the background does. */
const PAGES = [
  'entrypoints/overlay/main.tsx',
  'entrypoints/popup/main.tsx',
  'entrypoints/sidepanel/main.tsx',
  'entrypoints/options/main.tsx',
  'entrypoints/board/main.tsx',
  'entrypoints/reports/main.tsx',
  'entrypoints/agreement/main.tsx',
];
const under = (graph: Map<string, string | undefined>, dir: string) =>
  [...graph.keys()].filter((k) => k.startsWith(path.join(root, dir) + path.sep));

describe('extension pages load without zod and without the site adapters', () => {
  it('lists every page entry point', () => {
    const entries = readdirSync(path.join(root, 'entrypoints'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(root, 'entrypoints', d.name, 'main.tsx')))
      .map((d) => `entrypoints/${d.name}/main.tsx`);
    expect([...entries].sort()).toEqual([...PAGES].sort());
  });

  it.each(PAGES)('%s imports no zod, no schemas and no adapter at runtime', (entry) => {
    const graph = importGraph(entry);
    // The walk must reach the page's components, or an empty graph would pass.
    expect(under(graph, 'components').length).toBeGreaterThan(2);
    const zod = [...graph.keys()].filter((k) => k === 'pkg:zod' || k.startsWith('pkg:zod/'));
    expect(zod.map((k) => chain(graph, k))).toEqual([]);
    expect(graph.has(path.join(root, 'lib/db/schema.ts')), chain(graph, path.join(root, 'lib/db/schema.ts'))).toBe(false);
    expect(graph.has(path.join(root, 'lib/messaging/protocol.ts')), chain(graph, path.join(root, 'lib/messaging/protocol.ts'))).toBe(false);
    expect(under(graph, 'lib/sites').map((k) => chain(graph, k))).toEqual([]);
  });

  it('the walk does find zod and the adapters where they are meant to be (the background)', () => {
    const graph = importGraph('entrypoints/background.ts');
    expect(graph.has('pkg:zod')).toBe(true);
    expect(under(graph, 'lib/sites').length).toBeGreaterThan(5);
  });
});
