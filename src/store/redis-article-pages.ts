import type { ArticlePage, ArticlePageRepository } from '../core/ports/article-page-repository.ts';
import type { Article, Sentence } from '../core/types.ts';
import { execGroups } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

const CHUNK = 200;

/**
 * Article pages as Redis hashes: `meta` (JSON) and one field per sentence (`s12`). Writing is
 * HSET, so analyses of several stories that kept different sentences of one article add up.
 * Kept as long as briefings, whose citations link here.
 */
export class RedisArticlePages implements ArticlePageRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;
  readonly #ttlSeconds: number;

  constructor(redis: RedisClient, keys: StoreKeys, ttlSeconds: number) {
    this.#redis = redis;
    this.#keys = keys;
    this.#ttlSeconds = ttlSeconds;
  }

  async put(articles: Article[]): Promise<void> {
    for (let i = 0; i < articles.length; i += CHUNK) {
      // One group per page: pages of one analysis lie in different slots on a cluster.
      await execGroups(
        this.#redis,
        articles.slice(i, i + CHUNK).map((article) => (write) => {
          const key = this.#keys.articlePage(article.id);
          const meta = {
            source: article.source,
            ...(article.title ? { title: article.title } : {}),
            ...(article.url ? { url: article.url } : {}),
            ...(article.outlet ? { outlet: article.outlet } : {}),
            ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
          };
          const fields: Record<string, string> = { meta: JSON.stringify(meta) };
          for (const sentence of article.sentences) fields[`s${sentence.id}`] = sentence.text;
          write.hset(key, fields).expire(key, this.#ttlSeconds);
        }),
      );
    }
  }

  async get(articleId: string): Promise<ArticlePage | undefined> {
    const fields = await this.#redis.hgetall(this.#keys.articlePage(articleId));
    if (!fields.meta) return undefined;
    const meta = JSON.parse(fields.meta) as Omit<ArticlePage, 'id' | 'sentences'>;
    const sentences: Sentence[] = [];
    for (const [field, text] of Object.entries(fields)) {
      const id = /^s(\d+)$/.exec(field)?.[1];
      if (id !== undefined) sentences.push({ id: Number(id), text });
    }
    sentences.sort((a, b) => a.id - b.id);
    return { id: articleId, ...meta, sentences };
  }
}
