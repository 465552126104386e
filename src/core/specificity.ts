import { articleShares } from './article-share.ts';
import type { WordList } from './clean/headings.ts';
import type { SentenceFeatures } from './features.ts';

/**
 * Specifics are what a reader can check: numbers, quotations and names. Capitalised ordinary
 * words ("Prime Minister", "Emperor") are titles, and names every article repeats (the story's
 * protagonists) tell nothing new, so neither counts.
 */
export class Specifics {
  readonly #dictionary: WordList;
  readonly #nameShare: Map<string, number>;
  /** sentenceScore by sentence index (NaN until computed): ranking asks for each many times. */
  readonly #scores: Float64Array;

  constructor(sentences: SentenceFeatures[], articleCount: number, dictionary: WordList) {
    this.#dictionary = dictionary;
    this.#nameShare = articleShares(sentences, articleCount, (s) => s.names);
    this.#scores = new Float64Array(sentences.length).fill(Number.NaN);
  }

  /** Distinct informative names of a sentence. */
  names(sentence: SentenceFeatures): string[] {
    const out = new Set<string>();
    for (const name of sentence.names) {
      if (this.#dictionary.has(name.toLowerCase())) continue;
      if ((this.#nameShare.get(name) ?? 0) >= 0.75 && this.#nameShare.size > 0) continue;
      out.add(name);
    }
    return [...out];
  }

  /** Weighted count of a sentence's specifics, used for ranking. */
  sentenceScore(sentence: SentenceFeatures): number {
    const cached = this.#scores[sentence.index];
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    const score = new Set(sentence.numbers).size * 1.5 + this.names(sentence).length + (sentence.hasQuote ? 1 : 0);
    if (cached !== undefined) this.#scores[sentence.index] = score;
    return score;
  }

  /**
   * Low-information articles: distinct specifics per 100 words far below the set's typical
   * article, or almost none at all (generic filler written around a story).
   */
  lowInformation(sentences: SentenceFeatures[], articleCount: number): boolean[] {
    const items: Set<string>[] = Array.from({ length: articleCount }, () => new Set());
    const words = new Array<number>(articleCount).fill(0);
    for (const s of sentences) {
      const set = items[s.articleIndex] as Set<string>;
      for (const n of s.numbers) set.add(`#${n}`);
      for (const n of this.names(s)) set.add(n);
      if (s.hasQuote) set.add(`"${s.index}`);
      words[s.articleIndex] = (words[s.articleIndex] ?? 0) + s.words;
    }
    const density = items.map((set, i) => (100 * set.size) / Math.max(1, words[i] ?? 0));
    const sorted = [...density].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    return density.map((d) => d < 1 || (articleCount >= 3 && d < median * 0.5));
  }
}
