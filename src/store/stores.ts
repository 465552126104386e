import type { ArticlePageRepository } from '../core/ports/article-page-repository.ts';
import type { ArticleRepository } from '../core/ports/article-repository.ts';
import type { BriefingCache } from '../core/ports/briefing-cache.ts';
import type { DigestLog } from '../core/ports/digest-log.ts';
import type { StoryRepository } from '../core/ports/story-repository.ts';
import type { SourceRepository } from '../core/ports/source-repository.ts';
import type { SubscriptionRepository } from '../core/ports/subscription-repository.ts';
import type { ThreadRepository } from '../core/ports/thread-repository.ts';
import { type KeyLayout, StoreKeys } from './keys.ts';
import { RedisArticlePages } from './redis-article-pages.ts';
import { RedisArticleRepository } from './redis-articles.ts';
import type { RedisClient } from './redis-client.ts';
import { RedisBriefingCache } from './redis-briefing-cache.ts';
import { RedisCounters } from './redis-counters.ts';
import { RedisDigestLog } from './redis-digest-log.ts';
import { RedisSourceRepository } from './redis-sources.ts';
import { RedisStoryRepository } from './redis-stories.ts';
import { RedisSubscriptionRepository } from './redis-subscriptions.ts';
import { RedisThreadRepository } from './redis-threads.ts';

export interface Stores {
  keys: StoreKeys;
  articles: ArticleRepository;
  briefings: BriefingCache;
  subscriptions: SubscriptionRepository;
  digests: DigestLog;
  threads: ThreadRepository;
  counters: RedisCounters;
  sources: SourceRepository;
  /** Story records (title, topics, owner) and the story each channel follows. */
  stories: StoryRepository;
  /** Cleaned, numbered articles for the web pages; kept as long as briefings. */
  articlePages: ArticlePageRepository;
}

/**
 * Every repository on one Redis connection, under one key prefix; the key layout follows the
 * client (a Cluster gets per-story hash tags) unless given.
 */
export function createStores(
  redis: RedisClient,
  prefix: string,
  options: { briefingTtlSeconds: number; layout?: KeyLayout },
): Stores {
  const keys = new StoreKeys(prefix, options.layout ?? (redis.isCluster ? 'cluster' : 'single'));
  return {
    keys,
    articles: new RedisArticleRepository(redis, keys),
    briefings: new RedisBriefingCache(redis, keys, options.briefingTtlSeconds),
    subscriptions: new RedisSubscriptionRepository(redis, keys),
    digests: new RedisDigestLog(redis, keys),
    threads: new RedisThreadRepository(redis, keys),
    counters: new RedisCounters(redis, keys),
    sources: new RedisSourceRepository(redis, keys),
    stories: new RedisStoryRepository(redis, keys),
    articlePages: new RedisArticlePages(redis, keys, options.briefingTtlSeconds),
  };
}
