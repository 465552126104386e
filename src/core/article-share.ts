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

/**
 * Like articleShares, but counting independent reports: articles of one rewrite group count as
 * one (`unitOf[articleIndex]` gives each article's group), so copies do not make a term look central.
 */
export function unitShares<K>(
  sentences: SentenceFeatures[],
  unitOf: readonly number[],
  keysOf: (s: SentenceFeatures) => Iterable<K>,
): Map<K, number> {
  // Visit articles unit by unit (each article's sentences are contiguous), so "last unit seen" per key suffices.
  const starts: number[] = [];
  sentences.forEach((s, i) => {
    if (i === 0 || (sentences[i - 1] as SentenceFeatures).articleIndex !== s.articleIndex) starts.push(i);
  });
  starts.sort((a, b) => {
    const ua = unitOf[(sentences[a] as SentenceFeatures).articleIndex] as number;
    const ub = unitOf[(sentences[b] as SentenceFeatures).articleIndex] as number;
    return ua - ub || a - b;
  });
  const counts = new Map<K, number>();
  const lastUnit = new Map<K, number>();
  const units = new Set<number>();
  for (const start of starts) {
    const articleIndex = (sentences[start] as SentenceFeatures).articleIndex;
    const unit = unitOf[articleIndex] as number;
    units.add(unit);
    for (let i = start; i < sentences.length && (sentences[i] as SentenceFeatures).articleIndex === articleIndex; i++) {
      for (const key of keysOf(sentences[i] as SentenceFeatures)) {
        if (lastUnit.get(key) === unit) continue;
        lastUnit.set(key, unit);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const shares = new Map<K, number>();
  const total = Math.max(1, units.size);
  for (const [key, count] of counts) shares.set(key, count / total);
  return shares;
}
