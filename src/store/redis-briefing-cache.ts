import type { Redis } from 'ioredis';
import type { BriefingCache } from '../core/ports/briefing-cache.ts';
import type { Briefing } from '../core/types.ts';
import type { StoreKeys } from './keys.ts';

/**
 * Briefings by id, each kept for a TTL: an ingest gives the story a new fingerprint and so new
 * ids, while links already posted to chat (to a briefing page) keep working until the TTL ends.
 */
export class RedisBriefingCache implements BriefingCache {
  readonly #redis: Redis;
  readonly #keys: StoreKeys;
  readonly #ttlSeconds: number;

  constructor(redis: Redis, keys: StoreKeys, ttlSeconds: number) {
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

  async putEncoded(briefingId: string, json: Uint8Array): Promise<void> {
    // A Buffer view over the same bytes: ioredis writes it as is, without a copy on this thread.
    const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
    await this.#redis.set(this.#keys.briefing(briefingId), bytes, 'EX', this.#ttlSeconds);
  }

  async has(briefingId: string): Promise<boolean> {
    return (await this.#redis.exists(this.#keys.briefing(briefingId))) === 1;
  }
}
