import type { Article, ArticleMeta, Sentence } from '../types.ts';

/**
 * An article as the engine cleaned and numbered it: what `/articles/<id>#s<n>` citations point
 * to. Sentence ids are the analysis's own, so a citation's `#s12` is the sentence it quotes.
 */
export interface ArticlePage extends ArticleMeta {
  /** In order; ids may have gaps where the engine dropped a sentence (bios, promos). */
  sentences: Sentence[];
}

/**
 * Written whenever an analysis is computed, read by the web pages. The same article analysed
 * in several stories keeps every sentence any of them showed (ids never change meaning).
 */
export interface ArticlePageRepository {
  put(articles: Article[]): Promise<void>;
  get(articleId: string): Promise<ArticlePage | undefined>;
}
