import type { AddArticlesResult, ArticleRepository, StorySnapshot } from '../core/ports/article-repository.ts';
import type { ArticleInput } from '../core/types.ts';
import { articleHash, fingerprintOf } from './article-hash.ts';
import { execGroups, getMany } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';
import { runScript } from './scripts.ts';


/**
 * Articles by content hash; stories as ordered sets of hashes. Adding is idempotent (SET NX,
 * SADD, a script that adds only hashes not yet in the story), so a resend stores nothing twice;
 * only its counts then say "already there" for what the first send stored.
 */
export class RedisArticleRepository implements ArticleRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async add(storyId: string, articles: ArticleInput[]): Promise<AddArticlesResult> {
    const hashes = articles.map((article) => articleHash(article));
    // Each article's body and sightings share a slot; articles of one add may lie anywhere.
    const results = await execGroups(
      this.#redis,
      articles.map((article, i) => (batch) => {
        const hash = hashes[i] as string;
        // The first copy stored is kept (its source names the article); later copies add sightings.
        batch.set(this.#keys.article(hash), JSON.stringify(article), 'NX');
        batch.sadd(this.#keys.articleSightings(hash), article.url ?? article.source);
      }),
    );
    const stored = results.filter((replies) => replies[0]?.[1] === 'OK').length;

    const unique = [...new Set(hashes)];
    const [added, total, fingerprint] = (await runScript(
      this.#redis,
      'addArticles',
      [this.#keys.storyArticles(storyId), this.#keys.storySequence(storyId), this.#keys.storyFingerprint(storyId)],
      unique,
    )) as [number, number, string];
    // The index is another slot, so it is written after the script: an add that fails between the
    // two is retried (ingest jobs are), and a story missing from the index still briefs.
    await this.#redis.sadd(this.#keys.stories(), storyId);
    if (added > 0) await this.#redis.set(this.#keys.storyUpdatedAt(storyId), new Date().toISOString());
    return { stored, addedToStory: added, alreadyInStory: articles.length - added, total, fingerprint };
  }

  async snapshot(storyId: string): Promise<StorySnapshot | undefined> {
    const hashes = await this.#redis.zrange(this.#keys.storyArticles(storyId), 0, '-1');
    if (hashes.length === 0) return undefined;
    const bodies = await getMany(this.#redis, hashes.map((hash) => this.#keys.article(hash)));
    const articles = bodies.map((body, i) => {
      // Bodies are written before membership, so a missing one means the data was damaged.
      if (body === null) throw new Error(`article ${hashes[i]} of story ${storyId} is missing from the store`);
      return JSON.parse(body) as ArticleInput;
    });
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
