import type { SentenceFeatures } from './features.ts';

/** For each key (a term, a name), the share of articles whose sentences contain it. */
export function articleShares(
  sentences: SentenceFeatures[],
  articleCount: number,
  keysOf: (s: SentenceFeatures) => Iterable<string>,
): Map<string, number> {
  const articlesByKey = new Map<string, Set<number>>();
  for (const s of sentences) {
    for (const key of keysOf(s)) {
      let set = articlesByKey.get(key);
      if (!set) {
        set = new Set();
        articlesByKey.set(key, set);
      }
      set.add(s.articleIndex);
    }
  }
  const shares = new Map<string, number>();
  for (const [key, set] of articlesByKey) shares.set(key, set.size / Math.max(1, articleCount));
  return shares;
}
