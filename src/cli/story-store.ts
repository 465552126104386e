import { StoryDirectory } from '../app/story-directory.ts';
import { subscriptionId } from '../core/ports/subscription-repository.ts';
import type { Topic } from '../core/types.ts';
import type { Stores } from '../store/stores.ts';
import { queueConfigFromEnv } from './commands/queue-config.ts';
import { loadTopics } from './topics-file.ts';

export interface StoryStore {
  stores: Stores;
  directory: StoryDirectory;
  /** The deployment's topics (TOPICS_FILE, else the bundled ones). */
  topics: Topic[];
  close(): Promise<void>;
}

/** The Redis store (REDIS_URL, REDIS_KEY_PREFIX) and the story rules over it, for `summit story` and `--story`. */
export async function openStoryStore(): Promise<StoryStore> {
  const config = queueConfigFromEnv();
  const topics = await loadTopics(config.topicsFile);
  // Loaded on use, so commands that never touch Redis don't pay for it.
  const { storeRedis } = await import('../queue/connection.ts');
  const { createStores } = await import('../store/stores.ts');
  const redis = storeRedis(config.redis, 'producer', 'summit-cli');
  redis.on('error', () => {});
  const stores = createStores(redis, config.keyPrefix, { briefingTtlSeconds: config.briefingTtlSeconds });
  const directory = new StoryDirectory({
    stories: stores.stories,
    articles: stores.articles,
    subscriptionStory: async (channel) => (await stores.subscriptions.get(subscriptionId(channel.platform, channel.channelId)))?.subscription.storyId,
    topics,
    defaultStory: config.defaultStory,
    now: () => new Date(),
  });
  return {
    stores,
    directory,
    topics,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
