import type { ClaimCluster } from './claims.ts';
import type { SentenceFeatures } from './features.ts';
import { lshBuckets, MinHasher } from './minhash.ts';
import { UnionFind } from './union-find.ts';

export interface RewriteGroupOptions {
  /** Share of the shorter article's sentences that must match the other's for a rewrite. */
  minContainment: number;
  /** And at least this many matched sentences. */
  minSharedClaims: number;
}

/** Claims with at most this many members propose all their article pairs. */
const DIRECT_PAIRS_MAX_MEMBERS = 12;

export const DEFAULT_REWRITE_OPTIONS: RewriteGroupOptions = { minContainment: 0.33, minSharedClaims: 3 };

/**
 * Articles that are rewrites of a common original share most of their claims (sentence-level
 * paraphrases), while independent reports of the same story share only a few. Candidate pairs
 * come from MinHash LSH over each article's claim set; each candidate is verified exactly.
 * Returns the group root (an article index) for every article.
 */
export function findRewriteGroups(
  articleCount: number,
  sentences: SentenceFeatures[],
  claims: ClaimCluster[],
  options: RewriteGroupOptions = DEFAULT_REWRITE_OPTIONS,
): number[] {
  const claimSets: Set<number>[] = Array.from({ length: articleCount }, () => new Set());
  const sentenceCounts = new Array<number>(articleCount).fill(0);
  for (const s of sentences) sentenceCounts[s.articleIndex] = (sentenceCounts[s.articleIndex] ?? 0) + 1;
  for (const claim of claims) {
    if (claim.members.length < 2) continue;
    for (const m of claim.members)
      claimSets[(sentences[m] as SentenceFeatures).articleIndex]?.add(claim.index);
  }

  const hasher = new MinHasher(24);
  const signatures = claimSets.map((set) => hasher.signature(set));
  const groups = new UnionFind(articleCount);
  const checked = new Set<string>();
  const verify = (a: number, b: number) => {
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (checked.has(key)) return;
    checked.add(key);
    const sa = claimSets[a] as Set<number>;
    const sb = claimSets[b] as Set<number>;
    let shared = 0;
    for (const c of sa) if (sb.has(c)) shared++;
    const shorter = Math.min(sentenceCounts[a] ?? 0, sentenceCounts[b] ?? 0);
    if (shared >= options.minSharedClaims && shorter > 0 && shared / shorter >= options.minContainment) {
      groups.union(a, b);
    }
  };
  // Claims few articles share name their candidate pairs directly: exact, where MinHash would
  // miss a short copy of a long article (high containment, low Jaccard similarity).
  for (const claim of claims) {
    if (claim.members.length < 2 || claim.members.length > DIRECT_PAIRS_MAX_MEMBERS) continue;
    const articles = claim.members.map((m) => (sentences[m] as SentenceFeatures).articleIndex);
    for (let i = 0; i < articles.length; i++)
      for (let j = i + 1; j < articles.length; j++) verify(articles[i] as number, articles[j] as number);
  }
  for (const bucket of lshBuckets(signatures, 12)) {
    // Empty claim sets all hash alike; they cannot be rewrites of anything.
    const members = bucket.filter((i) => (claimSets[i]?.size ?? 0) > 0);
    if (members.length <= 16) {
      for (let i = 0; i < members.length; i++)
        for (let j = i + 1; j < members.length; j++) verify(members[i] as number, members[j] as number);
    } else {
      // Large buckets (content farms): chain comparisons keep the cost linear; union-find closes the group.
      for (let i = 1; i < members.length; i++) {
        verify(members[0] as number, members[i] as number);
        verify(members[i - 1] as number, members[i] as number);
      }
    }
  }
  return Array.from({ length: articleCount }, (_, i) => groups.find(i));
}
