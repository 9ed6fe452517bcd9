// Conventions over the source tree that keep Vetted safe and its layers honest.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function files(dir: string, exts = /\.(ts|tsx)$/): string[] {
  const abs = path.join(root, dir);
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    const p = path.join(abs, name);
    if (statSync(p).isDirectory()) out.push(...files(path.relative(root, p), exts));
    else if (exts.test(name)) out.push(path.relative(root, p));
  }
  return out;
}

const source = [...files('entrypoints'), ...files('components'), ...files('lib')];
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

describe('source conventions', () => {
  it('finds the source tree', () => {
    expect(source.length).toBeGreaterThan(10);
  });

  it('never injects HTML strings (user text must render inertly)', () => {
    const offenders = source.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('never evaluates code from strings', () => {
    const offenders = source.filter((f) => /\beval\(|new Function\(/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('keeps lib/domain and lib/sites pure: no extension APIs, no clock, no network', () => {
    const pure = [...files('lib/domain'), ...files('lib/sites')];
    expect(pure.length).toBeGreaterThan(5);
    const offenders = pure.filter((f) =>
      /from 'wxt\/browser'|\bchrome\.|\bbrowser\.(runtime|storage|tabs)|Date\.now\(\)|\bfetch\(|XMLHttpRequest/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('opens IndexedDB only from the background side (lib/db, lib/background, lib/backup, entrypoints/background)', () => {
    const offenders = source.filter(
      (f) =>
        /from ['"](dexie|\.\.?\/.*db\/database)['"]|indexedDB\./.test(read(f)) &&
        !/^(lib\/(db|background|backup)\/|entrypoints\/background\.ts)/.test(f.split(path.sep).join('/')),
    );
    expect(offenders).toEqual([]);
  });

  // DESIGN.md rule 6: every write is a capability function in lib/db, inside one transaction the
  // write recorder watches. Nothing else opens a write transaction or writes a table directly.
  const WRITES = [
    /\.transaction\(\s*['"`]rw/,
    /\.(bulkPut|bulkAdd|bulkDelete|bulkUpdate|modify)\(/,
    /\bdb\.(?!writes\b)\w+\.(put|add|delete|update|clear)\(/,
    /\.table\([^)]*\)\.(put|add|delete|update|clear)\(/,
  ];
  const writesTo = (text: string) => WRITES.some((re) => re.test(text));

  it('recognises every way of writing to the database', () => {
    for (const sample of [
      "db.transaction('rw', db.notes, async () => {})",
      'await table.bulkPut(rows)',
      'db.notes.put(note)',
      'db.contractors.update(key, changes)',
      "db.table('payments').delete(id)",
      'collection.modify((c) => {})',
    ]) {
      expect(writesTo(sample), sample).toBe(true);
    }
    for (const sample of ["db.transaction('r', db.notes, read)", 'seen.add(item)', 'db.writes.take()', 'db.notes.get(id)']) {
      expect(writesTo(sample), sample).toBe(false);
    }
  });

  it('writes to the database only from lib/db (one write path)', () => {
    const outside = source.filter((f) => !f.split(path.sep).join('/').startsWith('lib/db/'));
    expect(outside.length).toBeGreaterThan(10);
    expect(outside.filter((f) => writesTo(read(f)))).toEqual([]);
  });

  it('leaves no focused or skipped tests', () => {
    const tests = files('tests', /\.(test|e2e)\.(ts|tsx)$/);
    expect(tests.length).toBeGreaterThan(0);
    const offenders = tests.filter((f) => /\b(it|test|describe)\.(only|skip)\(/.test(read(f)));
    expect(offenders).toEqual([]);
  });
});
