import words from 'an-array-of-english-words' with { type: 'json' };
import type { WordList } from '../core/clean/headings.ts';

let cached: WordList | undefined;

/** ~275k lower-case English words, used to tell ordinary capitalised words from names. Loaded once. */
export function englishWords(): WordList {
  cached ??= new Set(words as string[]);
  return cached;
}
