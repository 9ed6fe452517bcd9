/**
 * The words of a note, for the board's note-text search (issue 16): stored on each note and indexed
 * (`*words`, schema version 8), so a search reads the notes whose words start with what was typed
 * instead of every note body. Pure: the database layer calls it on every note it writes.
 *
 * A word is a run of letters and digits, lower-cased, accents folded ("Café" → "cafe"), so what
 * the user types finds what they wrote however they spelled its case or accents.
 */

/** Longer runs (a pasted URL, a hash) are cut: nobody types more than this of one word to find it. */
export const MAX_WORD_LENGTH = 40;
/** At most this many distinct words per note are indexed (a 20,000-character note has fewer). */
export const MAX_WORDS = 2_000;

const SPLIT = /[^\p{L}\p{N}]+/u;
const MARKS = /\p{M}+/gu;

function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLocaleLowerCase();
}

/** The distinct words of `text`, in the order they first appear. */
export function textWords(text: string): string[] {
  const out = new Set<string>();
  for (const raw of fold(text).split(SPLIT)) {
    if (!raw) continue;
    out.add(raw.slice(0, MAX_WORD_LENGTH));
    if (out.size >= MAX_WORDS) break;
  }
  return [...out];
}

/** What a note stores in its `words` index. */
export const noteWords = textWords;

/** The words typed in a search, each to be matched as the start of a word. */
export function queryWords(query: string): string[] {
  return textWords(query);
}

/** Whether every query word starts some word of `words` (a note's). */
export function wordsMatch(words: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => words.some((w) => w.startsWith(q)));
}
