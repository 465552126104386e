import { numberValue, type Token, termOf, tokenize } from './text/tokens.ts';
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
  readonly terms: string[];
  /** The same terms as ids of the set's vocabulary, sorted: fast to compare. */
  termIds: Uint32Array;
  numbers: string[];
  /** Capitalised words that are not sentence-initial (names, places, titles). */
  names: string[];
  words: number;
  hasQuote: boolean;
}

/** Term strings ↔ dense ids for one article set. */
export class Vocabulary {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];

  id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(term, id);
      this.#terms.push(term);
    }
    return id;
  }

  term(id: number): string {
    return this.#terms[id] ?? '';
  }

  lookup(term: string): number | undefined {
    return this.#ids.get(term);
  }

  get size(): number {
    return this.#ids.size;
  }
}

/** Shared empty list: most sentences have no numbers, and many no names. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Hands out views of large shared buffers, so each sentence's ids cost no buffer of their own. */
class IdPool {
  #buffer = new Uint32Array(0);
  #used = 0;

  take(size: number): Uint32Array {
    if (this.#used + size > this.#buffer.length) {
      this.#buffer = new Uint32Array(Math.max(65_536, size));
      this.#used = 0;
    }
    const view = this.#buffer.subarray(this.#used, this.#used + size);
    this.#used += size;
    return view;
  }
}

/** What a sentence's text alone determines: shared by every copy of the same sentence. */
interface TextFeatures {
  termIds: Uint32Array;
  numbers: string[];
  names: string[];
  words: number;
  hasQuote: boolean;
}

export function extractFeatures(articles: Article[], vocabulary: Vocabulary): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  const pool = new IdPool();
  // Lower-cased word → term id (-1: stop word): one lookup per token instead of stemming again.
  const wordIds = new Map<string, number>();
  // Syndicated copies repeat sentences verbatim: each distinct text is analysed once.
  const byText = new Map<string, TextFeatures>();
  const ids: number[] = [];
  const analyseText = (text: string): TextFeatures => {
    const tokens = tokenize(text);
    const numbers: string[] = [];
    const names: string[] = [];
    ids.length = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      let id = wordIds.get(token.lower);
      if (id === undefined) {
        const term = termOf(token.lower);
        id = term ? vocabulary.id(term) : -1;
        wordIds.set(token.lower, id);
      }
      if (id >= 0) ids.push(id);
      const value = DIGIT.test(token.raw) ? numberValue(token.lower) : undefined;
      if (value !== undefined) numbers.push(value);
      else if (i > 0 && id >= 0 && CAPITAL.test(token.raw)) names.push(token.raw.replace(/'s$/, ''));
    }
    return {
      termIds: uniqueSorted(ids, pool),
      numbers: numbers.length > 0 ? numbers : NONE,
      names: names.length > 0 ? names : NONE,
      words: tokens.length,
      hasQuote: /["\u201C\u201D]/.test(text),
    };
  };
  articles.forEach((article, articleIndex) => {
    article.sentences.forEach((sentence, position) => {
      let features = byText.get(sentence.text);
      if (!features) {
        features = analyseText(sentence.text);
        byText.set(sentence.text, features);
      }
      out.push(
        new SentenceRecord(vocabulary, {
          index: out.length,
          articleIndex,
          articleId: article.id,
          sentenceId: sentence.id,
          text: sentence.text,
          position,
          ...features,
        }),
      );
    });
  });
  return out;
}

const DIGIT = /\d/;
const CAPITAL = /^[A-Z]/;

/** The distinct ids, ascending, in a view of the pool. */
function uniqueSorted(ids: number[], pool: IdPool): Uint32Array {
  ids.sort((a, b) => a - b);
  let distinct = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) distinct++;
  const view = pool.take(distinct);
  let k = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) view[k++] = ids[i] as number;
  return view;
}

/**
 * Sentence features; `terms` is derived from the ids on demand, so 10,000-article sets do not
 * hold every term list twice.
 */
class SentenceRecord implements SentenceFeatures {
  index: number;
  articleIndex: number;
  readonly articleId: string;
  readonly sentenceId: number;
  readonly text: string;
  position: number;
  readonly termIds: Uint32Array;
  readonly numbers: string[];
  readonly names: string[];
  readonly words: number;
  readonly hasQuote: boolean;
  readonly #vocabulary: Vocabulary;

  constructor(vocabulary: Vocabulary, fields: Omit<SentenceFeatures, 'terms'>) {
    this.#vocabulary = vocabulary;
    this.index = fields.index;
    this.articleIndex = fields.articleIndex;
    this.articleId = fields.articleId;
    this.sentenceId = fields.sentenceId;
    this.text = fields.text;
    this.position = fields.position;
    this.termIds = fields.termIds;
    this.numbers = fields.numbers;
    this.names = fields.names;
    this.words = fields.words;
    this.hasQuote = fields.hasQuote;
  }

  get terms(): string[] {
    return Array.from(this.termIds, (id) => this.#vocabulary.term(id));
  }
}

/** Inverse document frequency of terms over sentences, computed once per set. */
export class TermWeights {
  readonly #vocabulary: Vocabulary;
  readonly #df: Uint32Array;
  readonly #idf: Float64Array;
  readonly #unseenIdf: number;

  constructor(sentences: SentenceFeatures[], vocabulary: Vocabulary) {
    this.#vocabulary = vocabulary;
    this.#df = new Uint32Array(vocabulary.size);
    for (const s of sentences) for (const id of s.termIds) this.#df[id] = (this.#df[id] ?? 0) + 1;
    const total = sentences.length;
    this.#idf = Float64Array.from(this.#df, (df) => Math.log((total + 1) / (df + 0.5)));
    this.#unseenIdf = Math.log((total + 1) / 0.5);
  }

  df(term: string): number {
    const id = this.#vocabulary.lookup(term);
    return id === undefined ? 0 : (this.#df[id] ?? 0);
  }

  dfById(id: number): number {
    return this.#df[id] ?? 0;
  }

  /** Sentence frequency of every term by id, for tight loops (read only). */
  get dfTable(): Readonly<Uint32Array> {
    return this.#df;
  }

  /** IDF of every term by id, for tight loops (read only). */
  get idfTable(): Readonly<Float64Array> {
    return this.#idf;
  }

  idf(term: string): number {
    const id = this.#vocabulary.lookup(term);
    return id === undefined ? this.#unseenIdf : (this.#idf[id] ?? this.#unseenIdf);
  }

  /** IDF-weighted Jaccard similarity of two sentences (merge of sorted term ids, no allocation). */
  similarity(a: SentenceFeatures, b: SentenceFeatures): number {
    const x = a.termIds;
    const y = b.termIds;
    if (x.length === 0 || y.length === 0) return 0;
    const idf = this.#idf;
    let i = 0;
    let j = 0;
    let shared = 0;
    let union = 0;
    while (i < x.length && j < y.length) {
      const u = x[i] as number;
      const v = y[j] as number;
      if (u === v) {
        const w = idf[u] as number;
        shared += w;
        union += w;
        i++;
        j++;
      } else if (u < v) {
        union += idf[u] as number;
        i++;
      } else {
        union += idf[v] as number;
        j++;
      }
    }
    while (i < x.length) union += idf[x[i++] as number] as number;
    while (j < y.length) union += idf[y[j++] as number] as number;
    return union > 0 ? shared / union : 0;
  }
}
