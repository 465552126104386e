import type { ClaimCluster } from './claims.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import { UnionFind } from './union-find.ts';

/**
 * How similar two claims' closest members must be to be one fact in other words, by what their
 * figures say: stating the same specific figures (not just a year) is strong evidence, stating
 * none is neutral, stating different ones needs the wording itself to match.
 */
const MIN_SIMILARITY = { sharedFigures: 0.12, sharedFigure: 0.15, noFigures: 0.2, otherFigures: 0.3 };
/** Members compared per claim when scoring a pair. */
const MEMBERS_COMPARED = 3;
/** Rare terms per claim used to find candidates, and claims remembered per term. */
const KEY_TERMS = 6;
const POSTING_CAP = 64;
/** Candidates scored per claim: those sharing the most key terms. */
const MAX_CANDIDATES = 8;

/**
 * Joins claims that say one fact in different words: independent reports in their own words, and
 * content-farm paraphrases of one original sentence ("gave his clearest endorsement yet" /
 * "delivered his firmest support to date"). Clustering by wording alone keeps them apart, so the
 * fact would be briefed twice, each copy under-counting its sources. Claims that share an article
 * are never joined (a claim holds one sentence per article). Candidates come from an index of
 * each claim's rarest terms, never all pairs. Returns the clusters re-indexed.
 */
export function mergeParaphrasedClaims(
  claims: ClaimCluster[],
  sentences: SentenceFeatures[],
  weights: TermWeights,
): ClaimCluster[] {
  const df = weights.dfTable;
  const postings = new Map<number, number[]>();
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
  const hits = new Uint32Array(claims.length);
  const touched: number[] = [];
  for (const claim of claims) {
    const keys = keyTerms(claim, sentences, df);
    touched.length = 0;
    for (const key of keys) {
      for (const other of postings.get(key) ?? []) {
        if (hits[other] === 0) touched.push(other);
        hits[other] = (hits[other] ?? 0) + 1;
      }
    }
    const candidates = touched.filter((other) => (hits[other] ?? 0) >= 2);
    candidates.sort((a, b) => (hits[b] ?? 0) - (hits[a] ?? 0) || a - b);
    if (candidates.length > MAX_CANDIDATES) candidates.length = MAX_CANDIDATES;
    for (const other of touched) hits[other] = 0;
    for (const otherIndex of candidates) {
      const other = claims[otherIndex] as ClaimCluster;
      const ra = joined.find(claim.index);
      const rb = joined.find(other.index);
      if (ra === rb) continue;
      const setA = articles(ra);
      const setB = articles(rb);
      if (overlaps(setA, setB)) continue;
      if (bestSimilarity(claim, other, sentences, weights) < requiredSimilarity(claim, other, sentences)) continue;
      joined.union(ra, rb);
      articlesOf.set(joined.find(ra), absorb(setA, setB));
    }
    for (const key of keys) {
      const list = postings.get(key);
      if (!list) postings.set(key, [claim.index]);
      else if (list.length < POSTING_CAP) list.push(claim.index);
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

function overlaps(a: Set<number>, b: Set<number>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** Adds the smaller set into the larger and returns the larger. */
function absorb(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) large.add(x);
  return large;
}

/** The claim's rarest terms that some other sentence also uses (a term of one sentence finds nothing). */
function keyTerms(claim: ClaimCluster, sentences: SentenceFeatures[], df: Readonly<Uint32Array>): number[] {
  const terms = new Set<number>();
  for (const m of claim.members.slice(0, MEMBERS_COMPARED)) {
    for (const id of (sentences[m] as SentenceFeatures).termIds) if ((df[id] ?? 0) >= 2) terms.add(id);
  }
  return [...terms].sort((a, b) => (df[a] ?? 0) - (df[b] ?? 0) || a - b).slice(0, KEY_TERMS);
}

function requiredSimilarity(a: ClaimCluster, b: ClaimCluster, sentences: SentenceFeatures[]): number {
  const figuresA = figures(a, sentences);
  const figuresB = figures(b, sentences);
  if (figuresA.size === 0 && figuresB.size === 0) return MIN_SIMILARITY.noFigures;
  // Any figure one states and the other does not ("by 2027" / "by March") may be another fact.
  if (figuresA.size !== figuresB.size || [...figuresA].some((f) => !figuresB.has(f))) return MIN_SIMILARITY.otherFigures;
  let specific = 0;
  for (const f of figuresA) if (!YEAR.test(f)) specific++;
  if (specific >= 2) return MIN_SIMILARITY.sharedFigures;
  return specific === 1 ? MIN_SIMILARITY.sharedFigure : MIN_SIMILARITY.noFigures;
}

const YEAR = /^(?:19|20)\d\d$/;

/** The figures every one of the claim's first members states. */
function figures(claim: ClaimCluster, sentences: SentenceFeatures[]): Set<string> {
  let common: Set<string> | undefined;
  for (const m of claim.members.slice(0, MEMBERS_COMPARED)) {
    const numbers = (sentences[m] as SentenceFeatures).numbers;
    common = common ? new Set(numbers.filter((n) => common?.has(n))) : new Set(numbers);
  }
  return common ?? new Set();
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
