import type { SentenceFeatures, TermWeights } from './features.ts';

/** Sentences of different articles that state the same thing. */
export interface ClaimCluster {
  index: number;
  /** Sentence indexes (into the flat feature list), at most one per article. */
  members: number[];
}

export interface ClaimOptions {
  /** Minimum weighted Jaccard similarity for a sentence to join a claim. */
  threshold: number;
  /** How many of a sentence's rarest terms are used to find candidate claims. */
  keyTerms: number;
  /** Candidate claims scored exactly per sentence. */
  maxCandidates: number;
}

export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = { threshold: 0.28, keyTerms: 5, maxCandidates: 8 };

/** Claims remembered per key term; older ones drop out, which bounds the work per sentence. */
const POSTING_CAP = 24;

/**
 * Greedy single-pass clustering: each sentence joins the most similar existing claim (found
 * through an index of rare terms, never by comparing all pairs) or starts a new one.
 * Sentences must be ordered article by article (as extractFeatures returns them).
 */
export function clusterClaims(
  sentences: SentenceFeatures[],
  weights: TermWeights,
  options: ClaimOptions = DEFAULT_CLAIM_OPTIONS,
): ClaimCluster[] {
  const table = new TermTable(sentences, weights.idfTable);
  const df = weights.dfTable;
  const claims: ClaimCluster[] = [];
  // Each claim's first and latest member: a new sentence is compared with both.
  const firstOf = new Int32Array(sentences.length);
  const latestOf = new Int32Array(sentences.length);
  const index = new PostingIndex(df.length);
  // Hit counts per claim in a reusable array; `touched` lists the claims to reset afterwards.
  const hitCounts = new Uint16Array(sentences.length + 1);
  const touched: number[] = [];
  const keys: number[] = [];

  for (let s = 0; s < sentences.length; s++) {
    rarestTerms(table, s, df, options.keyTerms, keys);
    touched.length = 0;
    for (const key of keys) index.countHits(key, hitCounts, touched);
    const candidates = topCandidates(touched, hitCounts, options.maxCandidates);
    for (const claim of touched) hitCounts[claim] = 0;

    let best = -1;
    let bestScore = options.threshold;
    if (candidates.length > 0) table.focus(s);
    for (const claim of candidates) {
      const first = firstOf[claim] as number;
      const latest = latestOf[claim] as number;
      // Sentences arrive article by article, so a claim already holding this article holds it last.
      if (table.article[latest] === table.article[s]) continue;
      // Compare with the claim's first and latest members: cheap, and robust to drift.
      let score = table.similarityToFocus(first, bestScore);
      if (latest !== first) score = Math.max(score, table.similarityToFocus(latest, bestScore));
      if (score >= bestScore) {
        bestScore = score;
        best = claim;
      }
    }
    if (best < 0) {
      best = claims.length;
      claims.push({ index: best, members: [] });
      firstOf[best] = s;
    }
    latestOf[best] = s;
    (claims[best] as ClaimCluster).members.push((sentences[s] as SentenceFeatures).index);
    for (const key of keys) index.add(key, best);
  }
  return claims;
}

/** For each key term, the latest POSTING_CAP claims that used it, in one flat ring buffer per term. */
class PostingIndex {
  /** Slot of each term id, -1 while the term has no posting. */
  readonly #slotOf: Int32Array;
  #claims = new Int32Array(POSTING_CAP * 1024);
  #lengths = new Uint8Array(1024);
  /** Position of the newest entry in each slot's ring. */
  #newest = new Uint8Array(1024);
  #slots = 0;

  constructor(vocabularySize: number) {
    this.#slotOf = new Int32Array(vocabularySize).fill(-1);
  }

  /** Adds one hit to every claim in the term's posting; claims hit for the first time go to `touched`. */
  countHits(term: number, hitCounts: Uint16Array, touched: number[]): void {
    const slot = this.#slotOf[term] as number;
    if (slot < 0) return;
    const base = slot * POSTING_CAP;
    const end = base + (this.#lengths[slot] as number);
    for (let i = base; i < end; i++) {
      const claim = this.#claims[i] as number;
      if (hitCounts[claim] === 0) touched.push(claim);
      hitCounts[claim] = (hitCounts[claim] as number) + 1;
    }
  }

  add(term: number, claim: number): void {
    let slot = this.#slotOf[term] as number;
    if (slot < 0) slot = this.#newSlot(term);
    const base = slot * POSTING_CAP;
    const length = this.#lengths[slot] as number;
    const newest = this.#newest[slot] as number;
    if (length > 0 && this.#claims[base + newest] === claim) return;
    // Until full, append; then overwrite the oldest entry (the one after the newest).
    const at = length < POSTING_CAP ? length : (newest + 1) % POSTING_CAP;
    this.#claims[base + at] = claim;
    this.#newest[slot] = at;
    if (length < POSTING_CAP) this.#lengths[slot] = length + 1;
  }

  #newSlot(term: number): number {
    const slot = this.#slots++;
    if (slot === this.#lengths.length) {
      const claims = new Int32Array(this.#claims.length * 2);
      claims.set(this.#claims);
      this.#claims = claims;
      const lengths = new Uint8Array(this.#lengths.length * 2);
      lengths.set(this.#lengths);
      this.#lengths = lengths;
      const newest = new Uint8Array(this.#newest.length * 2);
      newest.set(this.#newest);
      this.#newest = newest;
    }
    this.#slotOf[term] = slot;
    return slot;
  }
}

/**
 * Every sentence's sorted term ids in one flat array, with each sentence's IDF mass: the hot
 * loop reads contiguous typed arrays instead of chasing one object per sentence.
 */
class TermTable {
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;
  readonly mass: Float64Array;
  readonly article: Int32Array;
  readonly #idf: Readonly<Float64Array>;
  /** IDF of the focused sentence's terms by term id, 0 elsewhere. */
  readonly #marked: Float64Array;
  #focused = 0;

  constructor(sentences: SentenceFeatures[], idf: Readonly<Float64Array>) {
    this.#idf = idf;
    this.#marked = new Float64Array(idf.length);
    this.offsets = new Uint32Array(sentences.length + 1);
    let total = 0;
    sentences.forEach((s, i) => {
      total += s.termIds.length;
      this.offsets[i + 1] = total;
    });
    this.ids = new Uint32Array(total);
    this.mass = new Float64Array(sentences.length);
    this.article = new Int32Array(sentences.length);
    sentences.forEach((s, i) => {
      this.ids.set(s.termIds, this.offsets[i]);
      let mass = 0;
      for (const id of s.termIds) mass += idf[id] as number;
      this.mass[i] = mass;
      this.article[i] = s.articleIndex;
    });
  }

  /** Makes sentence s the one `similarityToFocus` compares with (its terms' IDF marked in a dense array). */
  focus(s: number): void {
    for (let i = this.offsets[this.#focused] as number; i < (this.offsets[this.#focused + 1] as number); i++) {
      this.#marked[this.ids[i] as number] = 0;
    }
    this.#focused = s;
    for (let i = this.offsets[s] as number; i < (this.offsets[s + 1] as number); i++) {
      const id = this.ids[i] as number;
      this.#marked[id] = this.#idf[id] as number;
    }
  }

  /**
   * IDF-weighted Jaccard similarity of the focused sentence and sentence b (the value
   * TermWeights.similarity gives). Returns 0 early when even full overlap could not reach `floor`.
   */
  similarityToFocus(b: number, floor: number): number {
    const massA = this.mass[this.#focused] as number;
    const massB = this.mass[b] as number;
    if (massA === 0 || massB === 0) return 0;
    if (Math.min(massA, massB) < floor * Math.max(massA, massB)) return 0;
    let shared = 0;
    const end = this.offsets[b + 1] as number;
    for (let i = this.offsets[b] as number; i < end; i++) shared += this.#marked[this.ids[i] as number] as number;
    const union = massA + massB - shared;
    return union > 0 ? shared / union : 0;
  }
}

/** The k terms of sentence s that the fewest sentences share (ties: lower id), into `out`. */
function rarestTerms(table: TermTable, s: number, df: Readonly<Uint32Array>, k: number, out: number[]): void {
  out.length = 0;
  const end = table.offsets[s + 1] as number;
  for (let i = table.offsets[s] as number; i < end; i++) {
    const id = table.ids[i] as number;
    const f = df[id] as number;
    // Terms no other sentence has cannot find a match; skip them.
    if (f <= 1) continue;
    if (out.length === k && f >= (df[out[k - 1] as number] as number)) continue;
    // Insertion into the short sorted list; ids arrive ascending, so equal df keeps the lower id first.
    let j = Math.min(out.length, k - 1);
    if (out.length < k) out.push(id);
    while (j > 0 && (df[out[j - 1] as number] as number) > f) {
      out[j] = out[j - 1] as number;
      j--;
    }
    out[j] = id;
  }
}

/** The k claims hit by most keys (ties: older claims first), by insertion into a short list. */
function topCandidates(touched: number[], hitCounts: Uint16Array, k: number): number[] {
  const top: number[] = [];
  const better = (a: number, b: number) =>
    (hitCounts[a] as number) > (hitCounts[b] as number) || (hitCounts[a] === hitCounts[b] && a < b);
  for (const claim of touched) {
    if (top.length === k && !better(claim, top[k - 1] as number)) continue;
    let i = Math.min(top.length, k - 1);
    if (top.length < k) top.push(claim);
    while (i > 0 && better(claim, top[i - 1] as number)) {
      top[i] = top[i - 1] as number;
      i--;
    }
    top[i] = claim;
  }
  return top;
}
