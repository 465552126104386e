import { parseArticleRecord } from './article-record.ts';
import { type ArticleOutcome, buildArticle, extractRecord } from './build-article.ts';
import { invalidJson, NO_USABLE_TEXT } from './reasons.ts';

/** One article from JSON text; `source` is its url when it has one, else `fallbackSource`. */
export function jsonArticle(json: string, fallbackSource: string): ArticleOutcome {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { reason: invalidJson(error) };
  }
  const parsed = parseArticleRecord(value);
  if (!parsed.ok) return { reason: parsed.reason };
  const article = buildArticle(parsed.record.url ?? fallbackSource, extractRecord(parsed.record));
  return article ? { article } : { reason: NO_USABLE_TEXT };
}
