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
  const claims: ClaimCluster[] = [];
  const index = new Map<number, number[]>();
  // Hit counts per claim in a reusable array; `touched` lists the claims to reset afterwards.
  const hitCounts = new Uint16Array(sentences.length + 1);
  const touched: number[] = [];

  for (const sentence of sentences) {
    const keys = rarestTerms(sentence.termIds, weights, options.keyTerms);
    touched.length = 0;
    for (const key of keys) {
      const posting = index.get(key);
      if (!posting) continue;
      for (const claim of posting) {
        if (hitCounts[claim] === 0) touched.push(claim);
        hitCounts[claim] = (hitCounts[claim] as number) + 1;
      }
    }
    const candidates = topCandidates(touched, hitCounts, options.maxCandidates);
    for (const claim of touched) hitCounts[claim] = 0;

    let best = -1;
    let bestScore = options.threshold;
    for (const claimIndex of candidates) {
      const claim = claims[claimIndex] as ClaimCluster;
      // Sentences arrive article by article, so a claim already holding this article holds it last.
      const latest = sentences[claim.members[claim.members.length - 1] as number] as SentenceFeatures;
      if (latest.articleIndex === sentence.articleIndex) continue;
      // Compare with the claim's first and latest members: cheap, and robust to drift.
      const first = sentences[claim.members[0] as number] as SentenceFeatures;
      const score = Math.max(
        weights.similarity(sentence, first),
        latest === first ? 0 : weights.similarity(sentence, latest),
      );
      if (score >= bestScore) {
        bestScore = score;
        best = claimIndex;
      }
    }
    if (best < 0) {
      best = claims.length;
      claims.push({ index: best, members: [] });
    }
    (claims[best] as ClaimCluster).members.push(sentence.index);
    for (const key of keys) {
      let posting = index.get(key);
      if (!posting) {
        posting = [];
        index.set(key, posting);
      }
      if (posting[posting.length - 1] !== best) {
        posting.push(best);
        if (posting.length > POSTING_CAP) posting.shift();
      }
    }
  }
  return claims;
}

function rarestTerms(termIds: Uint32Array, weights: TermWeights, k: number): number[] {
  // Terms no other sentence has cannot find a match; skip them.
  const usable: number[] = [];
  for (const id of termIds) if (weights.dfById(id) > 1) usable.push(id);
  return usable.sort((a, b) => weights.dfById(a) - weights.dfById(b) || a - b).slice(0, k);
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
