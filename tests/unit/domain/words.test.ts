/** Issue 16: the words a note is indexed by, and how a search's words match them. */
import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, MAX_WORDS, noteWords, queryWords, textWords, wordsMatch } from '../../../lib/domain/words';

describe('note words', () => {
  it('splits on anything but letters and digits, lower-cases, folds accents, keeps each word once', () => {
    expect(noteWords('Café owner; knows Shopify — café again, 1,200 USD')).toEqual([
      'cafe',
      'owner',
      'knows',
      'shopify',
      'again',
      '1',
      '200',
      'usd',
    ]);
    expect(noteWords('Łódź Straße ΣΟΦΙΑ 東京')).toEqual(['łodz', 'straße', 'σοφια', '東京']);
    expect(noteWords('  ...  ')).toEqual([]);
  });

  it('cuts long runs and caps the number of words', () => {
    const long = 'x'.repeat(100);
    expect(textWords(long)).toEqual(['x'.repeat(MAX_WORD_LENGTH)]);
    const many = Array.from({ length: MAX_WORDS + 50 }, (_, i) => `w${i}`).join(' ');
    expect(noteWords(many)).toHaveLength(MAX_WORDS);
  });

  it('matches when every word typed starts some word of the note', () => {
    const words = noteWords('Knows Figma inside out');
    expect(wordsMatch(words, queryWords('fig INS'))).toBe(true);
    expect(wordsMatch(words, queryWords('igma'))).toBe(false);
    expect(wordsMatch(words, queryWords('figma sketch'))).toBe(false);
    // A typed word longer than the indexed cut still finds the (cut) word.
    expect(wordsMatch(textWords('y'.repeat(60)), queryWords('y'.repeat(60)))).toBe(true);
  });

  it('reads the typed words as note words are read', () => {
    expect(queryWords('  Fig, INSIDE!')).toEqual(['fig', 'inside']);
  });
});
