import { type SentenceFeatures, type TermWeights, weightedJaccard } from './features.ts';

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

export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = { threshold: 0.28, keyTerms: 6, maxCandidates: 12 };

/**
 * Greedy single-pass clustering: each sentence joins the most similar existing claim (found
 * through an index of rare terms, never by comparing all pairs) or starts a new one.
 */
export function clusterClaims(
  sentences: SentenceFeatures[],
  weights: TermWeights,
  options: ClaimOptions = DEFAULT_CLAIM_OPTIONS,
): ClaimCluster[] {
  const claims: ClaimCluster[] = [];
  const claimArticles: Set<number>[] = [];
  const index = new Map<string, number[]>();
  const POSTING_CAP = 48;

  for (const sentence of sentences) {
    const keys = rarestTerms(sentence.terms, weights, options.keyTerms);
    const hits = new Map<number, number>();
    for (const key of keys) {
      const posting = index.get(key);
      if (!posting) continue;
      for (const claim of posting) hits.set(claim, (hits.get(claim) ?? 0) + 1);
    }
    let best = -1;
    let bestScore = options.threshold;
    const candidates = [...hits.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.maxCandidates);
    for (const [claimIndex] of candidates) {
      if (claimArticles[claimIndex]?.has(sentence.articleIndex)) continue;
      const claim = claims[claimIndex] as ClaimCluster;
      // Compare with the claim's first and latest members: cheap, and robust to drift.
      const first = sentences[claim.members[0] as number] as SentenceFeatures;
      const last = sentences[claim.members[claim.members.length - 1] as number] as SentenceFeatures;
      const score = Math.max(
        weightedJaccard(sentence.terms, first.terms, weights),
        last === first ? 0 : weightedJaccard(sentence.terms, last.terms, weights),
      );
      if (score >= bestScore) {
        bestScore = score;
        best = claimIndex;
      }
    }
    if (best < 0) {
      best = claims.length;
      claims.push({ index: best, members: [] });
      claimArticles.push(new Set());
    }
    (claims[best] as ClaimCluster).members.push(sentence.index);
    (claimArticles[best] as Set<number>).add(sentence.articleIndex);
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

function rarestTerms(terms: readonly string[], weights: TermWeights, k: number): string[] {
  // Terms no other sentence has cannot find a match; skip them.
  return terms
    .filter((t) => weights.df(t) > 1)
    .sort((a, b) => weights.df(a) - weights.df(b) || (a < b ? -1 : 1))
    .slice(0, k);
}
