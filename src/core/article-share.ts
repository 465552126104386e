import type { SentenceFeatures } from './features.ts';

/**
 * For each key (a term id, a name), the share of articles whose sentences contain it.
 * Sentences arrive article by article, so remembering the last article per key counts each
 * article once without a set per key.
 */
export function articleShares<K>(
  sentences: SentenceFeatures[],
  articleCount: number,
  keysOf: (s: SentenceFeatures) => Iterable<K>,
): Map<K, number> {
  const counts = new Map<K, number>();
  const lastArticle = new Map<K, number>();
  for (const s of sentences) {
    for (const key of keysOf(s)) {
      if (lastArticle.get(key) === s.articleIndex) continue;
      lastArticle.set(key, s.articleIndex);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const shares = new Map<K, number>();
  const total = Math.max(1, articleCount);
  for (const [key, count] of counts) shares.set(key, count / total);
  return shares;
}
