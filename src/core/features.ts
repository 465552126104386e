import { numberValue, termOf, tokenize } from './text/tokens.ts';
import type { Article } from './types.ts';

/** Everything the engine needs to know about one sentence for matching and ranking. */
export interface SentenceFeatures {
  /** Index in the flat sentence list of the set. */
  index: number;
  articleIndex: number;
  articleId: string;
  sentenceId: number;
  text: string;
  /** Position in its article, 0 = first. */
  position: number;
  terms: string[];
  numbers: string[];
  /** Capitalised words that are not sentence-initial (names, places, titles). */
  names: string[];
  words: number;
  hasQuote: boolean;
}

export function extractFeatures(articles: Article[]): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  articles.forEach((article, articleIndex) => {
    article.sentences.forEach((sentence, position) => {
      const tokens = tokenize(sentence.text);
      const terms = new Set<string>();
      const numbers: string[] = [];
      const names: string[] = [];
      tokens.forEach((token, i) => {
        const term = termOf(token.lower);
        if (term) terms.add(term);
        const value = /\d/.test(token.raw) ? numberValue(token.lower) : undefined;
        if (value !== undefined) numbers.push(value);
        else if (i > 0 && /^[A-Z]/.test(token.raw) && term) names.push(token.raw.replace(/'s$/, ''));
      });
      out.push({
        index: out.length,
        articleIndex,
        articleId: article.id,
        sentenceId: sentence.id,
        text: sentence.text,
        position,
        terms: [...terms],
        numbers,
        names,
        words: tokens.length,
        hasQuote: /["\u201C\u201D]/.test(sentence.text),
      });
    });
  });
  return out;
}

/** Inverse document frequency of terms over sentences. */
export class TermWeights {
  readonly #df = new Map<string, number>();
  readonly #total: number;

  constructor(sentences: SentenceFeatures[]) {
    for (const s of sentences) for (const t of s.terms) this.#df.set(t, (this.#df.get(t) ?? 0) + 1);
    this.#total = sentences.length;
  }

  df(term: string): number {
    return this.#df.get(term) ?? 0;
  }

  idf(term: string): number {
    return Math.log((this.#total + 1) / (this.df(term) + 0.5));
  }
}

/** IDF-weighted Jaccard similarity of two term sets. */
export function weightedJaccard(a: readonly string[], b: readonly string[], weights: TermWeights): number {
  if (a.length === 0 || b.length === 0) return 0;
  const bSet = new Set(b);
  let shared = 0;
  let union = 0;
  for (const t of a) {
    const w = weights.idf(t);
    union += w;
    if (bSet.has(t)) shared += w;
  }
  const aSet = new Set(a);
  for (const t of b) if (!aSet.has(t)) union += weights.idf(t);
  return union > 0 ? shared / union : 0;
}
