/** Issue 16 requests through the router: tags, lists, the board's pages, compare, spend report. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardSort } from '../../../lib/domain/board';
import { makeHarness, senders, snapshot, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(() => h.db.close());

const ADA = 'upwork:~01abc';
const BOB = 'fiverr:bob';
const CY = 'upwork:~01cy';

async function seed() {
  await h.ok('trackContractor', { profile: snapshot() });
  h.clock.now += 1000;
  await h.ok('trackContractor', {
    profile: snapshot({
      key: BOB,
      site: 'fiverr',
      siteId: 'bob',
      name: 'Bob Builder',
      profileUrl: 'https://www.fiverr.com/bob',
      headline: 'Logos',
      rate: { amountMinor: 3000, currency: 'USD', unit: 'hour' },
    }),
  });
  h.clock.now += 1000;
  await h.ok('trackContractor', {
    profile: snapshot({
      key: CY,
      siteId: '~01cy',
      name: 'Cy Twombly',
      profileUrl: 'https://www.upwork.com/freelancers/~01cy',
      headline: 'Painter',
    }),
  });
  await h.ok('updateContractor', { key: ADA, patch: { tags: ['logo', 'urgent'], status: 'shortlisted' } });
  await h.ok('updateContractor', { key: BOB, patch: { tags: ['logo'] } });
  await h.ok('setCheck', { contractorKey: BOB, itemId: 'interview-held', state: 'done' });
  await h.ok('setCheck', { contractorKey: BOB, itemId: 'reviews-read', state: 'failed' });
  await h.ok('saveNote', { contractorKey: CY, kind: 'interview', body: 'Knows Figma inside out' });
  await h.ok('saveRating', { rating: { contractorKey: ADA, quality: 5, communication: 5, timeliness: 4, value: 4, wouldRehire: true } });
}

const board = (filter: object = {}, sort: BoardSort = { by: 'lastSeen', dir: 'desc' }, offset = 0, limit = 100) =>
  h.ok('getBoard', { filter, sort, offset, limit });

describe('tags and lists', () => {
  it('lists every tag in use once, sorted', async () => {
    await seed();
    expect(await h.ok('getTags', {})).toEqual(['logo', 'urgent']);
  });

  it('creates a list with a first member, adds and removes members, and says who is on which', async () => {
    await seed();
    const list = await h.ok('saveList', { name: '  Logo designers, March ', addKey: ADA });
    expect(list).toMatchObject({ name: 'Logo designers, March', keys: [ADA] });
    expect(h.events.at(-1)?.event).toMatchObject({ tables: ['lists'] });
    await h.ok('setListMember', { listId: list.id, key: BOB, member: true });
    await h.ok('setListMember', { listId: list.id, key: BOB, member: true }); // twice: still once
    expect((await h.ok('listLists', { key: BOB })).lists).toEqual([{ id: list.id, name: 'Logo designers, March', count: 2 }]);
    expect((await h.ok('listLists', { key: BOB })).memberOf).toEqual([list.id]);
    await h.ok('setListMember', { listId: list.id, key: BOB, member: false });
    expect((await h.ok('listLists', { key: BOB })).memberOf).toEqual([]);
  });

  it('refuses a second list with the same name in another case, and an unknown contractor', async () => {
    await seed();
    const list = await h.ok('saveList', { name: 'Writers' });
    const clash = await h.call('saveList', { name: 'writers' });
    expect(clash).toMatchObject({ ok: false, code: 'bad-request' });
    expect(!clash.ok && clash.error).toContain('already a list called “Writers”');
    const unknown = await h.call('setListMember', { listId: list.id, key: 'upwork:~01nobody', member: true });
    expect(unknown).toMatchObject({ ok: false, code: 'not-found' });
    // Renaming to its own name in another case is fine.
    expect((await h.ok('saveList', { id: list.id, name: 'WRITERS' })).name).toBe('WRITERS');
  });

  it('takes a deleted contractor off every list; deleting a list keeps its people', async () => {
    await seed();
    const list = await h.ok('saveList', { name: 'A', addKey: ADA });
    await h.ok('setListMember', { listId: list.id, key: BOB, member: true });
    await h.ok('deleteContractor', { key: ADA });
    expect((await h.ok('listLists', {})).lists[0]?.count).toBe(1);
    expect(await h.ok('deleteList', { id: list.id })).toEqual({ deleted: true });
    expect(await h.db.contractors.count()).toBe(2);
  });

  it('is for extension pages only, not the content script', async () => {
    const reply = await h.call('listLists', {}, senders.content());
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('getBoard', () => {
  it('shows everyone newest first, with rating and vetting progress on each row', async () => {
    await seed();
    const page = await board();
    expect(page.total).toBe(3);
    expect(page.tracked).toBe(3);
    expect(page.rows.map((r) => r.key)).toEqual([CY, BOB, ADA]);
    const bob = page.rows.find((r) => r.key === BOB)!;
    expect(bob.progress).toMatchObject({ done: 1, failed: 1 });
    expect(page.rows.find((r) => r.key === ADA)).toMatchObject({ rating: 4.5, ratingCount: 1, wouldRehire: true });
    expect(page.tags).toEqual(['logo', 'urgent']);
    expect(page.sites).toEqual(['fiverr', 'upwork']);
  });

  it('filters by list, tag, status, site and progress', async () => {
    await seed();
    const list = await h.ok('saveList', { name: 'L', addKey: BOB });
    expect((await board({ listId: list.id })).rows.map((r) => r.key)).toEqual([BOB]);
    expect((await board({ tag: 'logo' })).rows.map((r) => r.key)).toEqual([BOB, ADA]);
    expect((await board({ status: 'shortlisted' })).rows.map((r) => r.key)).toEqual([ADA]);
    expect((await board({ site: 'upwork' })).rows.map((r) => r.key)).toEqual([CY, ADA]);
    expect((await board({ progress: 'has-failed' })).rows.map((r) => r.key)).toEqual([BOB]);
    expect((await board({ progress: 'not-started' })).rows.map((r) => r.key)).toEqual([CY, ADA]);
    expect((await board({ tag: 'logo', site: 'fiverr' })).rows.map((r) => r.key)).toEqual([BOB]);
    const none = await board({ listId: 'no-such-list' });
    expect([none.total, none.tracked]).toEqual([0, 3]);
  });

  it('searches names, headlines and tags, and the text of your notes', async () => {
    await seed();
    expect((await board({ query: 'bob' })).rows.map((r) => r.key)).toEqual([BOB]);
    expect((await board({ query: 'PAINTER' })).rows.map((r) => r.key)).toEqual([CY]);
    expect((await board({ query: 'urgent' })).rows.map((r) => r.key)).toEqual([ADA]);
    expect((await board({ query: 'figma' })).rows.map((r) => r.key)).toEqual([CY]);
    expect((await board({ query: 'nothing like this' })).total).toBe(0);
  });

  it('finds note text by the start of each word typed, in any order, case and accent', async () => {
    await seed();
    await h.ok('saveNote', { contractorKey: ADA, kind: 'reference', body: 'Référence: très fiable, delivered early' });
    const keys = async (query: string) => (await board({ query })).rows.map((r) => r.key);
    expect(await keys('insi fig')).toEqual([CY]);
    expect(await keys('figma knows')).toEqual([CY]);
    expect(await keys('reference FIABLE')).toEqual([ADA]);
    // Every word must start a word of the same note.
    expect(await keys('figma early')).toEqual([]);
    // Inside a word is not the start of one.
    expect(await keys('igma')).toEqual([]);
    // An edited note is found by its new words only.
    const note = (await h.ok('getContractor', { key: CY }))!.notes[0]!;
    await h.ok('saveNote', { id: note.id, contractorKey: CY, kind: 'interview', body: 'Sketch expert' });
    expect(await keys('figma')).toEqual([]);
    expect(await keys('sketch')).toEqual([CY]);
  });

  it('searches a word that is in many notes through a narrower one typed with it, or on its own', async () => {
    await seed();
    const T = h.clock.now;
    await h.db.notes.bulkAdd(
      Array.from({ length: 600 }, (_, i) => ({
        id: `many-${i}`,
        contractorKey: i % 2 ? ADA : BOB,
        kind: 'general' as const,
        body: `Common words ${i}`,
        createdAt: T,
        updatedAt: T,
      })),
    );
    await h.db.notes.add({
      id: 'rare',
      contractorKey: CY,
      kind: 'general',
      body: 'Common words and a rare one: zebra',
      createdAt: T,
      updatedAt: T,
    });
    const keys = async (query: string) => (await board({ query })).rows.map((r) => r.key).sort();
    expect(await keys('common zebra')).toEqual([CY]);
    expect(await keys('common words')).toEqual([ADA, BOB, CY].sort());
    expect(await keys('common nothing')).toEqual([]);
  });

  it('sorts the whole board by your rating or progress in the same order as a filtered board does, window by window', async () => {
    // 40 contractors, all on Upwork: "site: upwork" (the path that builds every row) lists the same
    // people as no filter (the path from the index and the ratings or checks alone).
    const keys: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = `~01w${String(i).padStart(3, '0')}`;
      keys.push(`upwork:${id}`);
      // Some share a last-seen time: ties go by key.
      if (i % 4 !== 0) h.clock.now += 1000;
      await h.ok('trackContractor', {
        profile: snapshot({ key: `upwork:${id}`, siteId: id, name: `W ${i}`, profileUrl: `https://www.upwork.com/freelancers/${id}` }),
      });
    }
    for (let i = 0; i < 40; i += 3) {
      await h.ok('setCheck', { contractorKey: keys[i]!, itemId: 'interview-held', state: i % 2 ? 'done' : 'failed' });
      if (i % 5 === 0) await h.ok('setCheck', { contractorKey: keys[i]!, itemId: 'reviews-read', state: 'done' });
      if (i % 7 === 0) await h.ok('setCheck', { contractorKey: keys[i]!, itemId: 'budget-set', state: 'na' });
    }
    for (let i = 1; i < 40; i += 4) {
      const q = ((i * 7) % 5) + 1;
      await h.ok('saveRating', {
        rating: { contractorKey: keys[i]!, quality: q, communication: 3, timeliness: 4, value: q, wouldRehire: i % 2 === 0 },
      });
    }
    for (const sort of [
      { by: 'rating', dir: 'desc' },
      { by: 'rating', dir: 'asc' },
      { by: 'progress', dir: 'desc' },
      { by: 'progress', dir: 'asc' },
    ] as const) {
      const full = await board({ site: 'upwork' }, sort, 0, 100);
      for (const [offset, limit] of [
        [0, 100],
        [0, 7],
        [5, 10],
        [12, 30],
        [38, 10],
      ] as const) {
        const fast = await board({}, sort, offset, limit);
        expect(fast.total, `${sort.by} ${sort.dir}`).toBe(full.total);
        expect(fast.rows, `${sort.by} ${sort.dir} ${offset}+${limit}`).toEqual(full.rows.slice(offset, offset + limit));
      }
    }
  });

  it('sorts by your rating, rate and progress', async () => {
    await seed();
    expect((await board({}, { by: 'rating', dir: 'desc' })).rows.map((r) => r.key)[0]).toBe(ADA);
    expect((await board({}, { by: 'rate', dir: 'asc' })).rows.map((r) => r.key)).toEqual([BOB, CY, ADA]);
    expect((await board({}, { by: 'progress', dir: 'desc' })).rows.map((r) => r.key)[0]).toBe(BOB);
  });

  it('answers a window at a time', async () => {
    await seed();
    const first = await board({}, { by: 'name', dir: 'asc' }, 0, 2);
    const second = await board({}, { by: 'name', dir: 'asc' }, 2, 2);
    expect(first.rows.map((r) => r.name)).toEqual(['Ada Lovelace', 'Bob Builder']);
    expect(second.rows.map((r) => r.name)).toEqual(['Cy Twombly']);
    expect([first.total, second.total, second.offset]).toEqual([3, 3, 2]);
    // The opening view (no filter, by last seen) reads its window from the index.
    const middle = await board({}, { by: 'lastSeen', dir: 'desc' }, 1, 1);
    expect([middle.total, middle.rows.map((r) => r.key)]).toEqual([3, [BOB]]);
    expect(middle.rows[0]!.progress).toMatchObject({ done: 1, failed: 1 });
    const oldest = await board({}, { by: 'lastSeen', dir: 'asc' }, 0, 1);
    expect(oldest.rows.map((r) => r.key)).toEqual([ADA]);
  });
});

describe('getCompare and getSpendReport', () => {
  it('returns each contractor asked for, in order, with interview and reference notes only', async () => {
    await seed();
    await h.ok('saveNote', { contractorKey: CY, kind: 'general', body: 'not compared' });
    await h.ok('saveNote', { contractorKey: CY, kind: 'reference', body: 'Former client: reliable' });
    const view = await h.ok('getCompare', { keys: [CY, ADA, 'upwork:~01gone'] });
    expect(view.entries.map((e) => e.contractor.key)).toEqual([CY, ADA]);
    expect(view.entries[0]!.notes.map((n) => n.kind).sort()).toEqual(['interview', 'reference']);
    expect(view.entries[1]!.ratings).toHaveLength(1);
    expect(view.template.length).toBeGreaterThan(5);
  });

  it('adds up payments per currency with contractor names', async () => {
    await seed();
    const p = await h.ok('createProject', { title: 'Logo', contractorKey: BOB, currency: 'USD', budgetMinor: 1000_00 });
    await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: 400_00, currency: 'USD', paidAt: '2026-10-31' } });
    await h.ok('savePayment', { projectId: p.id, patch: { amountMinor: -50_00, currency: 'USD', paidAt: '2026-11-01' } });
    const report = await h.ok('getSpendReport', {});
    expect(report.totals).toEqual([{ currency: 'USD', committed: 1000_00, paid: 350_00, remaining: 650_00, over: 0, payments: 2 }]);
    expect(report.byContractor[0]).toMatchObject({ name: 'Bob Builder', paid: 350_00 });
    expect(report.byMonth.map((m) => [m.month, m.paid])).toEqual([
      ['2026-10', 400_00],
      ['2026-11', -50_00],
    ]);
  });
});
