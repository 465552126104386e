import type { ClaimCluster } from './claims.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { UnionFind } from './union-find.ts';

/** Independent reports word one fact differently; sharing its exact figures, they need less overlap. */
const MIN_SIMILARITY = 0.15;
/** Claims compared per figure signature; larger buckets (a year every article gives) are skipped. */
const MAX_BUCKET = 48;
/** Members compared per claim when scoring a pair. */
const MEMBERS_COMPARED = 3;

/**
 * Joins claims that independent reports (different rewrite groups) state in their own words: the
 * same figures (the numbers all their sentences state, exactly) and moderate word overlap. Clustering
 * by wording alone keeps them apart, so the fact would be briefed twice, each copy claiming one
 * source. Claims that share an article are never joined (a claim holds one sentence per article).
 * Candidates come from a figure-signature index, never all pairs. Returns the clusters re-indexed.
 */
export function mergeCorroboratingClaims(
  claims: ClaimCluster[],
  sentences: SentenceFeatures[],
  groupOf: number[],
  weights: TermWeights,
): ClaimCluster[] {
  const bySignature = new Map<string, number[]>();
  for (const claim of claims) {
    const signature = figureSignature(claim, sentences);
    if (!signature) continue;
    const bucket = bySignature.get(signature);
    if (bucket) bucket.push(claim.index);
    else bySignature.set(signature, [claim.index]);
  }
  const joined = new UnionFind(claims.length);
  const articlesOf = new Map<number, Set<number>>();
  const articles = (root: number) => {
    let set = articlesOf.get(root);
    if (!set) {
      set = new Set((claims[root] as ClaimCluster).members.map((m) => (sentences[m] as SentenceFeatures).articleIndex));
      articlesOf.set(root, set);
    }
    return set;
  };
  for (const bucket of bySignature.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = claims[bucket[i] as number] as ClaimCluster;
        const b = claims[bucket[j] as number] as ClaimCluster;
        const ra = joined.find(a.index);
        const rb = joined.find(b.index);
        if (ra === rb || !independent(a, b, sentences, groupOf)) continue;
        const setA = articles(ra);
        const setB = articles(rb);
        if ([...setB].some((x) => setA.has(x))) continue;
        if (bestSimilarity(a, b, sentences, weights) < MIN_SIMILARITY) continue;
        joined.union(ra, rb);
        const root = joined.find(ra);
        articlesOf.set(root, new Set([...setA, ...setB]));
      }
    }
  }
  const merged = new Map<number, number[]>();
  for (const claim of claims) {
    const root = joined.find(claim.index);
    const members = merged.get(root);
    if (members) members.push(...claim.members);
    else merged.set(root, [...claim.members]);
  }
  return [...merged.values()].map((members, index) => ({ index, members: members.sort((x, y) => x - y) }));
}

/** The sorted numbers every member of the claim states, or undefined when there are none. */
function figureSignature(claim: ClaimCluster, sentences: SentenceFeatures[]): string | undefined {
  let common: Set<string> | undefined;
  for (const m of claim.members) {
    const numbers = new Set((sentences[m] as SentenceFeatures).numbers);
    common = common ? new Set([...common].filter((n) => numbers.has(n))) : numbers;
    if (common.size === 0) return undefined;
  }
  return common ? [...common].sort().join(' ') : undefined;
}

function independent(a: ClaimCluster, b: ClaimCluster, sentences: SentenceFeatures[], groupOf: number[]): boolean {
  const groups = new Set(a.members.map((m) => groupOf[(sentences[m] as SentenceFeatures).articleIndex]));
  return b.members.some((m) => !groups.has(groupOf[(sentences[m] as SentenceFeatures).articleIndex]));
}

function bestSimilarity(a: ClaimCluster, b: ClaimCluster, sentences: SentenceFeatures[], weights: TermWeights): number {
  let best = 0;
  for (const x of a.members.slice(0, MEMBERS_COMPARED)) {
    for (const y of b.members.slice(0, MEMBERS_COMPARED)) {
      best = Math.max(best, weights.similarity(sentences[x] as SentenceFeatures, sentences[y] as SentenceFeatures));
    }
  }
  return best;
}
