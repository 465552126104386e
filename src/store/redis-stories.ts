import type { StoryRecord, StoryRepository } from '../core/ports/story-repository.ts';
import { getMany } from './exec.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

/** One JSON record per story (in the story's slot on a Cluster), an index set of ids, and one key per channel naming the story it follows. */
export class RedisStoryRepository implements StoryRepository {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;

  constructor(redis: RedisClient, keys: StoreKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  async create(record: StoryRecord): Promise<boolean> {
    const created = await this.#redis.set(this.#keys.storyRecord(record.id), JSON.stringify(record), 'NX');
    if (created !== 'OK') return false;
    await this.#redis.sadd(this.#keys.storyRecords(), record.id);
    return true;
  }

  async get(id: string): Promise<StoryRecord | undefined> {
    const json = await this.#redis.get(this.#keys.storyRecord(id));
    return json === null ? undefined : (JSON.parse(json) as StoryRecord);
  }

  async save(record: StoryRecord): Promise<void> {
    // The record and the index are in different Cluster slots: two writes, each safe to repeat.
    await this.#redis.set(this.#keys.storyRecord(record.id), JSON.stringify(record));
    await this.#redis.sadd(this.#keys.storyRecords(), record.id);
  }

  async all(): Promise<StoryRecord[]> {
    const ids = (await this.#redis.smembers(this.#keys.storyRecords())).sort();
    if (ids.length === 0) return [];
    const values = await getMany(this.#redis, ids.map((id) => this.#keys.storyRecord(id)));
    return values.filter((v): v is string => typeof v === 'string').map((v) => JSON.parse(v) as StoryRecord);
  }

  async followed(channelKey: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#keys.channelStory(channelKey))) ?? undefined;
  }

  async follow(channelKey: string, storyId: string): Promise<void> {
    await this.#redis.set(this.#keys.channelStory(channelKey), storyId);
  }
}
