import type { SentenceFeatures } from './features.ts';
import type { Article } from './types.ts';

/** Bio and self-promotion wording ("specialist with over a decade of experience"). */
const BIO_PATTERN =
  /\b(?:years? of experience|decade of experience|passionate about|specialist|enthusiast|is a (?:freelance|senior|staff) |writes about|covers [a-z]+ for|author of|contributor|follow (?:him|her|them) on)\b/i;
const EDGE = 2;

/**
 * Drops sentences at an article's edges that share almost nothing with the rest of the set
 * (author bios, promos): only the whole set tells what the story is about. Returns the articles
 * that still have sentences and the kept features, re-indexed; removals are recorded on their article.
 */
export function dropOffTopicEdges(
  articles: Article[],
  sentences: SentenceFeatures[],
): { articles: Article[]; sentences: SentenceFeatures[] } {
  const articlesWithTerm = new Map<number, number>();
  const byArticle: SentenceFeatures[][] = articles.map(() => []);
  for (const s of sentences) byArticle[s.articleIndex]?.push(s);
  for (const list of byArticle) {
    const seen = new Set<number>();
    for (const s of list) for (const id of s.termIds) seen.add(id);
    for (const id of seen) articlesWithTerm.set(id, (articlesWithTerm.get(id) ?? 0) + 1);
  }
  const multiArticle = articles.length > 1;
  const dropped = new Set<number>();
  byArticle.forEach((list, ai) => {
    const n = list.length;
    // How many sentences of this article use each term: "elsewhere in the article" is count > own.
    const inArticle = new Map<number, number>();
    for (const s of list) for (const id of s.termIds) inArticle.set(id, (inArticle.get(id) ?? 0) + 1);
    list.forEach((s, si) => {
      if (si >= EDGE && si < n - EDGE) return;
      if (s.termIds.length === 0) {
        dropped.add(s.index);
        return;
      }
      let shared = 0;
      for (const id of s.termIds) {
        const elsewhere = (inArticle.get(id) ?? 0) > 1;
        if (elsewhere || (multiArticle && (articlesWithTerm.get(id) ?? 0) > 1)) shared++;
      }
      const share = shared / s.termIds.length;
      // Short articles give too little context to call a sentence off-topic.
      const offTopic = n >= 6 && multiArticle && share < 0.2;
      const bio = BIO_PATTERN.test(s.text) && share < 0.5;
      if (offTopic || bio) {
        dropped.add(s.index);
        (articles[ai] as Article).removed.push(s.text);
      }
    });
  });
  if (dropped.size === 0) return { articles, sentences };
  const kept = sentences.filter((s) => !dropped.has(s.index));
  const keptIds = new Map<number, Set<number>>();
  for (const s of kept) {
    let set = keptIds.get(s.articleIndex);
    if (!set) keptIds.set(s.articleIndex, (set = new Set()));
    set.add(s.sentenceId);
  }
  articles.forEach((a, ai) => {
    a.sentences = a.sentences.filter((s) => keptIds.get(ai)?.has(s.id));
  });
  // An article whose every sentence went is not part of the set.
  const remaining = articles.filter((a) => a.sentences.length > 0);
  const newIndex = new Map(remaining.map((a, i) => [a.id, i]));
  // Re-index in place: the records carry derived getters that a copy would lose.
  const position = new Map<number, number>();
  kept.forEach((s, index) => {
    s.articleIndex = newIndex.get(s.articleId) as number;
    const p = position.get(s.articleIndex) ?? 0;
    position.set(s.articleIndex, p + 1);
    s.index = index;
    s.position = p;
  });
  return { articles: remaining, sentences: kept };
}
