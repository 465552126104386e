import { cleanArticleText } from './clean/clean-article.ts';
import type { WordList } from './clean/headings.ts';
import { contentId } from './ids.ts';
import { termsOf } from './text/tokens.ts';
import type { Article, ArticleInput } from './types.ts';

/** Bio and self-promotion wording ("specialist with over a decade of experience"). */
const BIO_PATTERN =
  /\b(?:years? of experience|decade of experience|passionate about|specialist|enthusiast|is a (?:freelance|senior|staff) |writes about|covers [a-z]+ for|author of|contributor|follow (?:him|her|them) on)\b/i;
const EDGE = 2;

/**
 * Cleans every article and gives it a content id. Sentences at an article's edges that share
 * almost nothing with the rest of the set (author bios, promos) are dropped here, since only the
 * whole set tells what the story is about.
 */
export function prepareArticles(inputs: ArticleInput[], dictionary: WordList): Article[] {
  const seen = new Map<string, number>();
  const articles: Article[] = [];
  for (const input of inputs) {
    const cleaned = cleanArticleText(input.text, dictionary);
    if (cleaned.sentences.length === 0) continue;
    let id = contentId(input.source, cleaned.sentences.join('\n'));
    const dup = seen.get(id) ?? 0;
    seen.set(id, dup + 1);
    if (dup > 0) id = `${id}-${dup}`;
    const title = input.title ?? cleaned.headline;
    articles.push({
      id,
      source: input.source,
      ...(title ? { title } : {}),
      ...(input.url ? { url: input.url } : {}),
      ...(input.outlet ? { outlet: input.outlet } : {}),
      ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
      sentences: cleaned.sentences.map((text, i) => ({ id: i + 1, text })),
      removed: cleaned.removed,
    });
  }
  dropOffTopicEdges(articles);
  return articles;
}

function dropOffTopicEdges(articles: Article[]): void {
  // Document frequency of terms across articles: a sentence about the story shares terms with others.
  const df = new Map<string, number>();
  const termsBySentence = articles.map((a) => a.sentences.map((s) => new Set(termsOf(s.text))));
  for (const sets of termsBySentence) {
    const articleTerms = new Set<string>();
    for (const set of sets) for (const term of set) articleTerms.add(term);
    for (const term of articleTerms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const multiArticle = articles.length > 1;
  articles.forEach((article, ai) => {
    const sets = termsBySentence[ai] as Set<string>[];
    const n = article.sentences.length;
    const keep = article.sentences.filter((sentence, si) => {
      if (si >= EDGE && si < n - EDGE) return true;
      const terms = [...(sets[si] as Set<string>)];
      if (terms.length === 0) return false;
      // Terms this sentence shares with the rest of its own article or with other articles.
      const ownTerms = new Set<string>();
      sets.forEach((set, j) => {
        if (j !== si) for (const t of set) ownTerms.add(t);
      });
      const shared = terms.filter((t) => ownTerms.has(t) || (multiArticle && (df.get(t) ?? 0) > 1)).length;
      // Short articles give too little context to call a sentence off-topic.
      const offTopic = n >= 6 && multiArticle && shared / terms.length < 0.2;
      const bio = BIO_PATTERN.test(sentence.text) && shared / terms.length < 0.5;
      if (offTopic || bio) {
        article.removed.push(sentence.text);
        return false;
      }
      return true;
    });
    article.sentences = keep;
  });
}
