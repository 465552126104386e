import { cleanArticleText } from './clean/clean-article.ts';
import type { WordList } from './clean/headings.ts';
import { contentId } from './ids.ts';
import type { Article, ArticleInput } from './types.ts';

/** Cleans every article and gives it a content id (duplicates of one source get a suffix). */
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
  return articles;
}
