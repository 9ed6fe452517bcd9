/**
 * Schema upgrades. Each version after the first needs a fixture below: it writes data with the
 * previous version, opens the new one, and checks the data came through. The example migration
 * shows the pattern end to end so the first real one is one entry in versions.ts + one fixture.
 */
import type Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDb, TABLE_NAMES, type VettedDb } from '../../../lib/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '../../../lib/db/versions';
import { upsertSnapshot } from '../../../lib/db/repositories/contractors';
import { saveNote } from '../../../lib/db/repositories/notes';
import { setCheck } from '../../../lib/db/repositories/checks';
import { createProject } from '../../../lib/db/repositories/projects';
import { savePayment } from '../../../lib/db/repositories/payments';
import { ContractorSchema, NoteSchema } from '../../../lib/db/schema';
import { BOOKKEEPING_TABLES } from '../../../lib/db/sync-index';
import { badgeFactsOf, rebuildBadgeFacts } from '../../../lib/db/repositories/badge-facts';
import { snap, T0 } from './helpers';

let counter = 0;
const dbName = () => `vetted-upgrade-${Date.now()}-${++counter}`;

/** The database as a user of version `upTo` had it. */
const openAt = (name: string, upTo: number, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) =>
  openDb(
    name,
    versions.filter((v) => v.version <= upTo),
  );

interface MigrationFixture {
  version: number;
  /** Writes data the way version − 1 stored it (raw rows: the old shape may not pass today's schema). */
  seed(db: Dexie): Promise<void>;
  /** Reads it back after the upgrade. */
  verify(db: VettedDb): Promise<void>;
}

/** Real migrations: one fixture per version after the first. */
const FIXTURES: MigrationFixture[] = [
  {
    // issue 16: lists table; contractors' tags (multiEntry) and site indexed for the board.
    version: 4,
    async seed(raw) {
      const db = raw as VettedDb;
      await upsertSnapshot(db, snap(), T0);
      await upsertSnapshot(
        db,
        snap({ key: 'fiverr:bob', site: 'fiverr', siteId: 'bob', name: 'Bob', profileUrl: 'https://www.fiverr.com/bob' }),
        T0,
      );
      await db.contractors.update('upwork:~01abc', { tags: ['logo', 'urgent'] });
      await saveNote(db, { contractorKey: 'upwork:~01abc', kind: 'interview', body: 'before lists' }, T0);
    },
    async verify(db) {
      expect(await db.contractors.count()).toBe(2);
      expect((await db.notes.toArray())[0]?.body).toBe('before lists');
      expect((await db.contractors.where('tags').equals('urgent').toArray()).map((c) => c.key)).toEqual(['upwork:~01abc']);
      expect((await db.contractors.where('site').equals('fiverr').toArray()).map((c) => c.key)).toEqual(['fiverr:bob']);
      expect(await db.lists.count()).toBe(0);
      await db.lists.add({ id: 'l1', name: 'Logo designers', keys: ['upwork:~01abc'], createdAt: T0, updatedAt: T0 });
      expect((await db.lists.where('keys').equals('upwork:~01abc').toArray()).map((l) => l.id)).toEqual(['l1']);
    },
  },
  {
    // issue 14: viewedAt indexed for "Recently viewed"; existing contractors keep their place in it.
    version: 7,
    async seed(raw) {
      const db = raw as VettedDb;
      await upsertSnapshot(db, snap(), T0);
      await upsertSnapshot(
        db,
        snap({ key: 'fiverr:bob', site: 'fiverr', siteId: 'bob', name: 'Bob', profileUrl: 'https://www.fiverr.com/bob' }),
        T0 + 5,
      );
      // Rows as version 4 stored them: no viewedAt.
      await db.contractors.toCollection().modify((c) => {
        delete c.viewedAt;
      });
    },
    async verify(db) {
      const rows = await db.contractors.orderBy('viewedAt').reverse().toArray();
      expect(rows.map((c) => [c.key, c.viewedAt])).toEqual([
        ['fiverr:bob', T0 + 5],
        ['upwork:~01abc', T0],
      ]);
      for (const c of rows) expect(ContractorSchema.safeParse(c).success).toBe(true);
    },
  },
  {
    // issue 16: notes' words indexed (multiEntry) for the board's note-text search; existing notes
    // get theirs from their body.
    version: 8,
    async seed(raw) {
      await raw.open();
      // Rows as version 7 stored them (no words), written past Dexie so nothing adds them.
      const idb = raw.backendDB();
      await new Promise<void>((resolve, reject) => {
        const tx = idb.transaction('notes', 'readwrite');
        const store = tx.objectStore('notes');
        store.put({
          id: 'n1',
          contractorKey: 'upwork:~01abc',
          kind: 'interview',
          body: 'Café owner; knows Shopify well',
          createdAt: T0,
          updatedAt: T0,
        });
        store.put({ id: 'n2', projectId: 'p1', kind: 'budget', body: 'Budget agreed: 1200', createdAt: T0, updatedAt: T0 });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    },
    async verify(db) {
      const ids = (word: string) => db.notes.where('words').startsWith(word).primaryKeys();
      expect(await ids('shop')).toEqual(['n1']);
      expect(await ids('cafe')).toEqual(['n1']);
      expect(await ids('1200')).toEqual(['n2']);
      // The index's words stay in the database: notes read back exactly as the schema has them.
      const notes = await db.notes.toArray();
      expect(notes.map((n) => Object.keys(n).includes('words'))).toEqual([false, false]);
      for (const n of notes) expect(NoteSchema.safeParse(n).success).toBe(true);
      // A note written after the upgrade is indexed by the write itself.
      await db.notes.update('n2', { body: 'Budget raised to 1500' });
      expect(await ids('1200')).toEqual([]);
      expect(await ids('raised')).toEqual(['n2']);
    },
  },
  {
    // issue 11: sync bookkeeping tables; every existing row gets an index row waiting to be pushed,
    // versioned by its own last change, under one new device id. The rows are not rewritten.
    version: 9,
    async seed(raw) {
      const db = raw as VettedDb;
      await upsertSnapshot(db, snap(), T0);
      await setCheck(db, { contractorKey: 'upwork:~01abc', itemId: 'interview', state: 'done' }, T0 + 1);
      await saveNote(db, { contractorKey: 'upwork:~01abc', kind: 'general', body: 'before sync' }, T0 + 2);
    },
    async verify(db) {
      const index = await db.syncIndex.toArray();
      const note = (await db.notes.toArray())[0]!;
      expect(note).not.toHaveProperty('v');
      const clock = await db.syncMeta.get('clock');
      expect(clock).toMatchObject({ key: 'clock', maxV: T0 + 2 });
      const deviceId = (clock as { deviceId: string }).deviceId;
      expect(deviceId).toMatch(/^[a-z0-9]{16}$/);
      expect(index.map((r) => [r.table, r.key, r.v, r.d, r.src, r.lseq ?? null, r.deleted ?? false]).sort()).toEqual(
        [
          ['checks', ['upwork:~01abc', 'interview'], T0 + 1, deviceId, 'l', 1, false],
          ['contractors', 'upwork:~01abc', T0, deviceId, 'l', 1, false],
          ['notes', note.id, T0 + 2, deviceId, 'l', 1, false],
          // The settings row saveNote created (lastChangeAt) dates from its own updatedAt, or 1 for never.
          ['settings', 'settings', Math.max(1, (await db.settings.get('settings'))!.updatedAt), deviceId, 'l', 1, false],
        ].sort(),
      );
      // Waiting to be pushed: the sparse lseq index finds them all.
      expect(await db.syncIndex.where('lseq').above(0).count()).toBe(4);
      expect(await db.conflicts.count()).toBe(0);
    },
  },
  {
    // issue 18: badge facts, a new derived table. It starts empty (not complete), so badges are
    // computed from the tables until the background has rebuilt it; nothing else changes.
    version: 10,
    async seed(raw) {
      const db = raw as VettedDb;
      await upsertSnapshot(db, snap(), T0);
      await setCheck(db, { contractorKey: 'upwork:~01abc', itemId: 'interview', state: 'done' }, T0 + 1);
      await createProject(db, { title: 'Logo', contractorKey: 'upwork:~01abc', budgetMinor: 5000 }, T0 + 2, () => 'p1');
    },
    async verify(db) {
      expect(await db.badgeFacts.count()).toBe(0);
      expect(await db.syncIndex.count()).toBe(4);
      const { facts, complete } = await badgeFactsOf(db, ['upwork:~01abc', 'upwork:~09none']);
      expect(complete).toBe(false);
      expect(facts.get('upwork:~01abc')).toMatchObject({ checks: [{ itemId: 'interview', state: 'done' }], projectIds: ['p1'] });
      expect(await rebuildBadgeFacts(db)).toBe(1);
      expect((await badgeFactsOf(db, ['upwork:~09none'])).complete).toBe(true);
    },
  },
];

async function runFixture(fixture: MigrationFixture, versions: readonly SchemaVersion[]) {
  const name = dbName();
  const old = openAt(name, fixture.version - 1, versions);
  await fixture.seed(old);
  old.close();
  const upgraded = openAt(name, fixture.version, versions);
  await fixture.verify(upgraded);
  expect(upgraded.verno).toBe(fixture.version);
  upgraded.close();
}

describe('schema versions', () => {
  it('are numbered upwards from 1, and every version after the first has an upgrade test', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(FIXTURES.map((f) => f.version)).toEqual(numbers.slice(1));
    expect(LATEST_VERSION).toBe(numbers.at(-1));
  });

  it('declare every table, with only the indexes the repositories query', async () => {
    const db = openDb(dbName());
    await db.open();
    const indexes = Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.name)]]));
    expect(Object.keys(indexes).sort()).toEqual([...TABLE_NAMES, ...BOOKKEEPING_TABLES].sort());
    expect(indexes).toEqual({
      contractors: ['key', 'status', 'lastSeenAt', 'tags', 'site', 'viewedAt'],
      checks: ['[contractorKey+itemId]', 'contractorKey'],
      notes: ['id', 'contractorKey', 'projectId', 'words'],
      ratings: ['id', 'contractorKey', 'projectId'],
      projects: ['id', 'status', 'contractorKey'],
      milestones: ['id', 'projectId'],
      payments: ['id', 'projectId'],
      settings: ['key'],
      lists: ['id', 'name', 'keys'],
      syncIndex: ['[table+key]', 'lseq'],
      conflicts: ['id', '[table+key]'],
      syncMeta: ['key'],
      syncConnection: ['key'],
      badgeFacts: ['key'],
    });
    db.close();
  });

  it('reopening the same version keeps everything (an update without a schema change)', async () => {
    const name = dbName();
    const first = openDb(name);
    await upsertSnapshot(first, snap(), T0);
    await saveNote(first, { contractorKey: 'upwork:~01abc', kind: 'general', body: 'kept' }, T0);
    first.close();
    const again = openDb(name);
    expect(await again.contractors.count()).toBe(1);
    expect((await again.notes.toArray())[0]?.body).toBe('kept');
    again.close();
  });

  for (const fixture of FIXTURES) {
    it(`upgrades version ${fixture.version - 1} data to version ${fixture.version}`, () => runFixture(fixture, SCHEMA_VERSIONS));
  }
});

describe('the upgrade pattern, on an example version', () => {
  // A made-up next version: notes get a `pinned` flag (backfilled false) and contractors a tags
  // index. It lives only in this test; it proves the mechanism a real migration will use.
  const EXAMPLE: SchemaVersion = {
    version: LATEST_VERSION + 1,
    stores: { contractors: 'key, status, lastSeenAt, *tags' },
    upgrade: async (tx) => {
      await tx
        .table('notes')
        .toCollection()
        .modify((n: Record<string, unknown>) => {
          n.pinned = false;
        });
    },
  };
  const versions = [...SCHEMA_VERSIONS, EXAMPLE];

  const fixture: MigrationFixture = {
    version: EXAMPLE.version,
    async seed(raw) {
      const db = raw as VettedDb;
      await upsertSnapshot(db, snap(), T0);
      await db.contractors.update('upwork:~01abc', { tags: ['design'] });
      await setCheck(db, { contractorKey: 'upwork:~01abc', itemId: 'interview', state: 'done' }, T0);
      await saveNote(db, { contractorKey: 'upwork:~01abc', kind: 'interview', body: 'before the update' }, T0);
      const p = await createProject(db, { title: 'Logo', contractorKey: 'upwork:~01abc' }, T0);
      await savePayment(db, p.id, undefined, { amountMinor: 100, paidAt: '2026-11-01' }, T0);
    },
    async verify(db) {
      const counts = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.table(t).count()])));
      expect(counts).toMatchObject({ contractors: 1, checks: 1, notes: 1, projects: 1, payments: 1 });
      const [note] = await db.notes.toArray();
      expect(note).toMatchObject({ body: 'before the update', pinned: false });
      expect(NoteSchema.safeParse(note).success).toBe(true);
      // The new index answers queries over rows written before it existed.
      const tagged = await db.contractors.where('tags').equals('design').toArray();
      expect(tagged.map((c) => c.key)).toEqual(['upwork:~01abc']);
      expect(ContractorSchema.safeParse(tagged[0]).success).toBe(true);
    },
  };

  it('writes with version N−1, opens N, and every record survives the upgrade', () => runFixture(fixture, versions));

  it('a failing upgrade leaves the old data untouched', async () => {
    const name = dbName();
    const old = openAt(name, LATEST_VERSION);
    await upsertSnapshot(old, snap(), T0);
    old.close();
    const broken: SchemaVersion = { ...EXAMPLE, upgrade: () => Promise.reject(new Error('bad migration')) };
    const failing = openDb(name, [...SCHEMA_VERSIONS, broken]);
    await expect(failing.open()).rejects.toThrow(/bad migration/);
    failing.close();
    const reopened = openAt(name, LATEST_VERSION);
    expect(await reopened.contractors.count()).toBe(1);
    expect(reopened.verno).toBe(LATEST_VERSION);
    reopened.close();
  });
});
