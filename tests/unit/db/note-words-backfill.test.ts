/**
 * issue 18: a bulk merge (a restore of many notes) writes each note with one PENDING_WORDS index
 * entry instead of its words, and the backfill fills the words in afterwards — below Dexie, so no
 * version is stamped, nothing is recorded or broadcast. Meanwhile the board's note search still
 * finds what the pending notes say.
 */
import { describe, expect, it } from 'vitest';
import { backfillAllNoteWords, backfillNoteWords, createWordsBackfill, hasPendingWords } from '../../../lib/db/note-words-backfill';
import { PENDING_WORDS } from '../../../lib/db/note-words';
import { DEFER_WORDS_FROM } from '../../../lib/db/repositories/sync';
import { makeHarness, snapshot, type Harness } from '../background/harness';

const KEY = 'upwork:~01abc';

/** Imports a backup holding `count` notes of KEY's, the last one saying `last`. */
async function restoreNotes(h: Harness, count: number, last = 'Mentioned a quokka mascot'): Promise<void> {
  await h.ok('trackContractor', { profile: snapshot() });
  const backup = JSON.parse((await h.ok('exportBackup', {})).text) as { data: { notes: unknown[] } };
  for (let i = 0; i < count; i++) {
    const t = Date.UTC(2026, 0, 1) + i * 1000;
    const body = i === count - 1 ? last : `Call ${i}: the shop redesign and its budget`;
    backup.data.notes.push({ id: `n-${i}`, contractorKey: KEY, kind: 'general', body, createdAt: t, updatedAt: t });
  }
  await h.ok('importBackup', { text: JSON.stringify(backup) });
}

const board = (h: Harness, query: string) =>
  h.ok('getBoard', { filter: { query }, sort: { by: 'name', dir: 'asc' }, offset: 0, limit: 50 });

describe('note words of a bulk merge', () => {
  it('are deferred, found by the board meanwhile, and filled in without a version, a record or a broadcast', async () => {
    const h = makeHarness();
    await restoreNotes(h, DEFER_WORDS_FROM + 50);
    expect(await h.db.notes.where('words').equals(PENDING_WORDS).count()).toBe(DEFER_WORDS_FROM + 50);
    expect(await h.db.notes.where('words').startsWith('quokka').count()).toBe(0);
    // Found anyway: the pending notes are read as text.
    expect((await board(h, 'quokka mascot')).rows.map((r) => r.key)).toEqual([KEY]);
    expect((await board(h, 'quokka giraffe')).rows).toEqual([]);

    const index = await h.db.syncIndex.toArray();
    h.db.writes.take();
    h.events.length = 0;
    // Step by step: each step reads the next notes by id and fills the pending ones.
    const first = await backfillNoteWords(h.db, undefined, 100);
    expect(first).toMatchObject({ filled: 100, end: false });
    const rest = await backfillAllNoteWords(h.db);
    expect(first.filled + rest).toBe(DEFER_WORDS_FROM + 50);
    expect(await hasPendingWords(h.db)).toBe(false);
    expect(await h.db.notes.where('words').startsWith('quokka').primaryKeys()).toEqual([`n-${DEFER_WORDS_FROM + 49}`]);
    expect(await h.db.notes.where('words').startsWith('redesign').count()).toBe(DEFER_WORDS_FROM + 49);
    // Index maintenance only: the same versions, nothing recorded, no event; reads still drop the field.
    expect(await h.db.syncIndex.toArray()).toEqual(index);
    expect(h.db.writes.take()).toEqual([]);
    expect(h.events).toEqual([]);
    expect(await h.db.notes.get('n-0')).not.toHaveProperty('words');
    expect((await board(h, 'quokka mascot')).rows.map((r) => r.key)).toEqual([KEY]);
  });

  it('a small merge writes the words at once', async () => {
    const h = makeHarness();
    await restoreNotes(h, 3);
    expect(await hasPendingWords(h.db)).toBe(false);
    expect(await h.db.notes.where('words').startsWith('quokka').count()).toBe(1);
  });

  it('the runner works through every batch, and a kick while it runs is not lost', async () => {
    const h = makeHarness();
    await restoreNotes(h, DEFER_WORDS_FROM * 3);
    const runner = createWordsBackfill(h.db, { pauseMs: 0 });
    const first = runner.kick();
    const second = runner.kick();
    await Promise.all([first, second]);
    expect(await hasPendingWords(h.db)).toBe(false);
    expect(await h.db.notes.where('words').startsWith('call').count()).toBe(DEFER_WORDS_FROM * 3 - 1);
  });
});
