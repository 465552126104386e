import type { Redis } from 'ioredis';
import type { AddArticlesResult, ArticleRepository, StorySnapshot } from '../core/ports/article-repository.ts';
import type { ArticleInput } from '../core/types.ts';
import { articleHash, fingerprintOf } from './article-hash.ts';
import { execOrThrow } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import { runScript } from './scripts.ts';

const MGET_CHUNK = 500;

/** Articles by content hash; stories as ordered sets of hashes. */
export class RedisArticleRepository implements ArticleRepository {
  readonly #redis: Redis;
  readonly #keys: StoreKeys;

  constructor(redis: Redis, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async add(storyId: string, articles: ArticleInput[]): Promise<AddArticlesResult> {
    const hashes: string[] = [];
    const write = this.#redis.multi();
    for (const article of articles) {
      const hash = articleHash(article);
      hashes.push(hash);
      // The first copy stored is kept (its source names the article); later copies add sightings.
      write.set(this.#keys.article(hash), JSON.stringify(article), 'NX');
      write.sadd(this.#keys.articleSightings(hash), article.url ?? article.source);
    }
    const results = await execOrThrow(write);
    const stored = results.filter(([, reply], i) => i % 2 === 0 && reply === 'OK').length;

    const unique = [...new Set(hashes)];
    const [added, total, fingerprint] = (await runScript(
      this.#redis,
      'addArticles',
      [
        this.#keys.storyArticles(storyId),
        this.#keys.storySequence(storyId),
        this.#keys.storyFingerprint(storyId),
        this.#keys.stories(),
      ],
      [storyId, ...unique],
    )) as [number, number, string];
    if (added > 0) await this.#redis.set(this.#keys.storyUpdatedAt(storyId), new Date().toISOString());
    return { stored, addedToStory: added, alreadyInStory: articles.length - added, total, fingerprint };
  }

  async snapshot(storyId: string): Promise<StorySnapshot | undefined> {
    const hashes = await this.#redis.zrange(this.#keys.storyArticles(storyId), 0, '-1');
    if (hashes.length === 0) return undefined;
    const articles: ArticleInput[] = [];
    for (let i = 0; i < hashes.length; i += MGET_CHUNK) {
      const chunk = hashes.slice(i, i + MGET_CHUNK);
      const bodies = await this.#redis.mget(chunk.map((hash) => this.#keys.article(hash)));
      bodies.forEach((body, j) => {
        // Bodies are written before membership, so a missing one means the data was damaged.
        if (body === null) throw new Error(`article ${chunk[j]} of story ${storyId} is missing from the store`);
        articles.push(JSON.parse(body) as ArticleInput);
      });
    }
    return { storyId, fingerprint: fingerprintOf(hashes), articles };
  }

  async fingerprint(storyId: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#keys.storyFingerprint(storyId))) ?? undefined;
  }

  count(storyId: string): Promise<number> {
    return this.#redis.zcard(this.#keys.storyArticles(storyId));
  }

  async lastAddedAt(storyId: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#keys.storyUpdatedAt(storyId))) ?? undefined;
  }

  async stories(): Promise<string[]> {
    return (await this.#redis.smembers(this.#keys.stories())).sort();
  }

  async sightings(article: Pick<ArticleInput, 'text'>): Promise<string[]> {
    return (await this.#redis.smembers(this.#keys.articleSightings(articleHash(article)))).sort();
  }
}
