import type { BriefingCache } from '../core/ports/briefing-cache.ts';
import type { Briefing } from '../core/types.ts';
import type { StoreKeys } from './keys.ts';
import type { RedisClient } from './redis-client.ts';

/**
 * Briefings by id, each kept for a TTL: an ingest gives the story a new fingerprint and so new
 * ids, while links already posted to chat (to a briefing page) keep working until the TTL ends.
 */
export class RedisBriefingCache implements BriefingCache {
  readonly #redis: RedisClient;
  readonly #keys: StoreKeys;
  readonly #ttlSeconds: number;

  constructor(redis: RedisClient, keys: StoreKeys, ttlSeconds: number) {
    this.#redis = redis;
    this.#keys = keys;
    this.#ttlSeconds = ttlSeconds;
  }

  async get(briefingId: string): Promise<Briefing | undefined> {
    const json = await this.#redis.get(this.#keys.briefing(briefingId));
    return json === null ? undefined : (JSON.parse(json) as Briefing);
  }

  async put(briefingId: string, briefing: Briefing): Promise<void> {
    await this.#redis.set(this.#keys.briefing(briefingId), JSON.stringify(briefing), 'EX', this.#ttlSeconds);
  }
}
