/**
 * issue 18: gives notes written with PENDING_WORDS (a bulk merge, lib/db/note-words.ts) their
 * words, a batch per IndexedDB transaction. It writes the index's own field and nothing the user
 * wrote, so it goes below Dexie (the raw IDBDatabase): no version is stamped, no change is
 * recorded or broadcast, nothing is pushed again by sync.
 */
import type { VettedDb } from './database';
import { PENDING_WORDS } from './note-words';
import { noteWords } from '../domain/words';

/** Notes read per transaction (about 90 ms of writes in Chromium): a user's read or save waits at most that. */
export const BACKFILL_BATCH = 100;

export interface BackfillStep {
  /** Notes given their words. */
  filled: number;
  /** The last note read: the next step starts after it. */
  last?: string;
  /** No note after `last`: this pass is over. */
  end: boolean;
}

/**
 * Reads the next `batch` notes after `after` (by id) and gives those still pending their words.
 * The walk goes by primary key with one read per batch (a cursor down the words index cost two
 * round trips per note: 122 s for 100,000 notes in Chromium; this walk 87 s, most of it the words
 * index's own writes). Small batches: a read of the notes waits at most one batch behind it.
 */
export async function backfillNoteWords(db: VettedDb, after?: string, batch = BACKFILL_BATCH): Promise<BackfillStep> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  return new Promise<BackfillStep>((resolve, reject) => {
    let step: BackfillStep = { filled: 0, end: true };
    // Relaxed: a batch lost to a crash leaves its notes pending, and they are done again.
    const tx = idb.transaction('notes', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('notes');
    // One read of the batch, then its writes queued at once (a cursor costs round trips per note).
    const read = store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), batch);
    read.onsuccess = () => {
      const rows = read.result as { id: string; body?: unknown; words?: unknown }[];
      let filled = 0;
      for (const row of rows) {
        if (!Array.isArray(row.words) || row.words.length !== 1 || row.words[0] !== PENDING_WORDS) continue;
        store.put({ ...row, words: noteWords(typeof row.body === 'string' ? row.body : '') });
        filled++;
      }
      step = { filled, ...(rows.length ? { last: rows[rows.length - 1]!.id } : {}), end: rows.length < batch };
    };
    tx.oncomplete = () => resolve(step);
    tx.onerror = () => reject(tx.error ?? new Error('the notes words backfill failed'));
    tx.onabort = () => reject(tx.error ?? new Error('the notes words backfill was aborted'));
  });
}

/** Passes over every note until none is pending; resolves to how many were filled. */
export async function backfillAllNoteWords(db: VettedDb, pause: () => Promise<void> = async () => undefined): Promise<number> {
  let total = 0;
  while (await hasPendingWords(db)) {
    let after: string | undefined;
    for (;;) {
      const step = await backfillNoteWords(db, after);
      total += step.filled;
      after = step.last;
      if (step.end) break;
      await pause();
    }
  }
  return total;
}

/** Whether any note still waits for its words (one index probe). */
export async function hasPendingWords(db: VettedDb): Promise<boolean> {
  return (await db.notes.where('words').equals(PENDING_WORDS).limit(1).count()) > 0;
}

/**
 * Runs batches until none is left, yielding between them; `onDone` after the last. Started after
 * a commit that may have deferred words, and when the background starts (a worker stopped midway
 * leaves the rest pending, and they are done then).
 */
export function createWordsBackfill(db: VettedDb, options: { pauseMs?: number; onError?: (err: unknown) => void } = {}) {
  const pause = options.pauseMs ?? 20;
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await backfillAllNoteWords(db, () => new Promise((r) => setTimeout(r, pause)));
    } while (again);
  };
  return {
    /** Starts (or, when running, continues after the current pass). */
    kick(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = loop()
        .catch((err: unknown) => options.onError?.(err))
        .finally(() => (running = undefined));
      return running;
    },
  };
}
