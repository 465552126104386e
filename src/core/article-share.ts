import type { SentenceFeatures } from './features.ts';

/** For each key (a term, a name), the share of articles whose sentences contain it. */
export function articleShares<K>(
  sentences: SentenceFeatures[],
  articleCount: number,
  keysOf: (s: SentenceFeatures) => Iterable<K>,
): Map<K, number> {
  const articlesByKey = new Map<K, Set<number>>();
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
  const shares = new Map<K, number>();
  for (const [key, set] of articlesByKey) shares.set(key, set.size / Math.max(1, articleCount));
  return shares;
}
